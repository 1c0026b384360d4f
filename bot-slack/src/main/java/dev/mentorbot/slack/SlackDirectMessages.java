package dev.mentorbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.mentorbot.command.Reply;
import dev.mentorbot.platform.DirectMessages;
import dev.mentorbot.state.MemberId;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages to members of the bot's workspace, for weekly check-ins: {@code chat.postMessage}
 * with the member's user id as the channel, which Slack delivers to the member's DM with the app
 * (the app's Messages tab), so no extra scope is needed beyond {@code chat:write}.
 */
final class SlackDirectMessages implements DirectMessages {
    private static final Logger LOG = LoggerFactory.getLogger(SlackDirectMessages.class);
    /**
     * The errors Slack documents for a member who cannot get the message, now or on a retry: gone
     * from the workspace, deactivated, or with the app's Messages tab turned off.
     */
    static final Set<String> UNREACHABLE = Set.of("channel_not_found", "user_not_found", "user_disabled",
            "account_inactive", "cannot_dm_bot", "is_archived", "not_in_channel", "user_not_visible",
            "messages_tab_disabled");

    private final MethodsClient client;
    private final String teamId;

    SlackDirectMessages(MethodsClient client, String teamId) {
        this.client = client;
        this.teamId = teamId;
    }

    @Override
    public String platform() {
        return SlackText.PLATFORM;
    }

    @Override
    public Delivery send(MemberId member, Reply message) {
        if (!member.workspace().equals(teamId)) {
            // A member of another workspace sharing the database: another instance's to reach.
            return Delivery.FAILED;
        }
        SlackMessage m = BlockKit.message(message, new BlockKit.Origin("checkin", member.userId(), ""));
        try {
            ChatPostMessageResponse r = SlackCalls.withRetries(() -> client.chatPostMessage(b -> b
                    .channel(member.userId()).text(m.text()).blocks(m.blocks())));
            if (r.isOk()) {
                return Delivery.SENT;
            }
            if (UNREACHABLE.contains(r.getError())) {
                return Delivery.UNREACHABLE;
            }
            LOG.warn("slack: a direct message was refused: {}", r.getError());
            return Delivery.FAILED;
        } catch (IOException | SlackApiException e) {
            LOG.warn("slack: a direct message could not be sent: {}", e.getMessage());
            return Delivery.FAILED;
        }
    }
}
