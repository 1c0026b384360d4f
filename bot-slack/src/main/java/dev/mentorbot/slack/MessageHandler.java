package dev.mentorbot.slack;

import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Reply;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.StateException;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mentions, DMs and thread follow-ups, answered with {@code chat.postMessage}: in the question's
 * thread for mentions in channels, inline in a DM (threaded only when the member wrote in a
 * thread). With thread follow-ups on, a reply in a channel thread the bot answered in lately is
 * answered without a mention; replies in other threads are dropped unread and unlogged.
 */
final class MessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

    private final Function<CommandRequest, Reply> core;
    private final SlackText text;
    private final Deliveries deliveries;
    private final Optional<ConversationStore> conversations;
    private final boolean threadFollowUps;
    private final BackgroundWork work;
    /** The bot's own user id (from auth.test): replies that mention it are app_mention's to answer. */
    private volatile String botUser = "";

    MessageHandler(Function<CommandRequest, Reply> core, SlackText text, Deliveries deliveries,
                   Optional<ConversationStore> conversations, boolean threadFollowUps, BackgroundWork work) {
        this.core = core;
        this.text = text;
        this.deliveries = deliveries;
        this.conversations = conversations;
        this.threadFollowUps = threadFollowUps;
        this.work = work;
    }

    void botUser(String userId) {
        this.botUser = userId == null ? "" : userId;
    }

    /** A mention: answered in a thread, the mention's own or the one it was written in. */
    void mention(EventContext ctx, String team, String eventId, String user, String channel, String ts,
                 String threadTs, String typed) {
        if (user != null && deliveries.firstDelivery(team, eventId) && deliveries.claimMessage(team, channel, ts)) {
            String thread = threadTs != null ? threadTs : ts;
            answer(ctx, team, user, channel, thread, typed, false, SlackConversation.thread(team, channel, thread));
        }
    }

    /**
     * A member's message: in a one-to-one DM with the bot, answered inline, or in its thread when
     * the member wrote in one; in a channel thread, see {@link #threadReply}. Other messages, or
     * those with no author or text, are not for the bot.
     */
    void message(EventContext ctx, String team, String eventId, String channelType, String user,
                 String channel, String ts, String threadTs, String typed) {
        if (user == null || typed == null || typed.isBlank()) {
            return;
        }
        if ("im".equals(channelType)) {
            if (deliveries.firstDelivery(team, eventId)) {
                String conversation = threadTs != null ? SlackConversation.thread(team, channel, threadTs)
                        : SlackConversation.direct(team, channel);
                answer(ctx, team, user, channel, threadTs, typed, true, conversation);
            }
        } else if (("channel".equals(channelType) || "group".equals(channelType)) && threadTs != null
                && !threadTs.equals(ts)) {
            threadReply(ctx, team, user, channel, ts, threadTs, typed);
        }
    }

    /**
     * A reply in a channel thread. Answered in that thread when follow-ups are on, the bot answered
     * in the thread lately, and the reply does not mention the bot (app_mention answers those).
     * Anything else was written for other members: it is dropped here, without reading or logging it.
     */
    private void threadReply(EventContext ctx, String team, String user, String channel, String ts, String threadTs,
                             String typed) {
        if (!threadFollowUps || conversations.isEmpty() || SlackText.mentions(typed, botUser)) {
            return;
        }
        String conversation = SlackConversation.thread(team, channel, threadTs);
        if (!followed(conversation)) {
            return;
        }
        // The message's own claim stands in for the event id: it also stops app_mention from
        // answering the same message again when the bot's user id is not known.
        if (deliveries.claimMessage(team, channel, ts)) {
            answer(ctx, team, user, channel, threadTs, typed, false, conversation);
        }
    }

    /** Whether the bot answered in this conversation lately; a store that cannot answer means no. */
    private boolean followed(String conversation) {
        try {
            return conversations.orElseThrow().active(conversation);
        } catch (StateException e) {
            LOG.warn("could not tell whether the bot follows a thread: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Answers a mention or a DM.
     *
     * @param thread the thread to answer in, or null to answer inline
     * @param conversation the conversation the message belongs to
     */
    private void answer(EventContext ctx, String team, String user, String channel, String thread,
                        String typed, boolean direct, String conversation) {
        MemberId member = SlackText.member(team, user);
        // Posted with chat.postMessage: it spends the global send budget, unlike response_url answers.
        CommandRequest request = text.message(typed, member, conversation).postedToChannel();
        work.later("message", () -> {
            Reply reply = core.apply(request);
            if (reply.silent()) {
                return; // over the rate limit and already told
            }
            SlackMessage m = BlockKit.message(reply, BlockKit.Origin.of(request, user));
            MethodsClient client = ctx.client();
            if (m.ephemeral() && !direct) {
                ChatPostEphemeralResponse r = SlackCalls.withRetries(() -> client.chatPostEphemeral(b -> b.channel(channel)
                        .user(user).threadTs(thread).text(m.text()).blocks(m.blocks())));
                SlackCalls.check("chat.postEphemeral", r.isOk(), r.getError());
            } else {
                ChatPostMessageResponse r = SlackCalls.withRetries(() -> client.chatPostMessage(b -> b.channel(channel)
                        .threadTs(thread).text(m.text()).blocks(m.blocks())));
                SlackCalls.check("chat.postMessage", r.isOk(), r.getError());
            }
        });
    }
}
