package dev.mentorbot.discord;

import dev.mentorbot.command.Reply;
import dev.mentorbot.platform.DirectMessages;
import dev.mentorbot.state.MemberId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages to Discord users, for weekly check-ins: open the DM channel, then post.
 *
 * <p>A click in a DM carries no guild, yet a member is one user in one guild (their ticks there).
 * So the buttons of a check-in name the guild they are for, and {@link DiscordRequests#click}
 * reads it back; a forged guild only ever acts for the clicking user.
 */
final class DiscordDirectMessages implements DirectMessages {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordDirectMessages.class);
    private static final long TIMEOUT_SECONDS = 30;
    /** What Discord answers for a user the bot can never DM: unknown, or DMs closed to the bot. */
    static final Set<ErrorResponse> UNREACHABLE = EnumSet.of(ErrorResponse.UNKNOWN_USER,
            ErrorResponse.CANNOT_SEND_TO_USER);

    private final Supplier<JDA> shard;

    /** @param shard any connected shard: DMs belong to no guild, so every shard can send them */
    DiscordDirectMessages(Supplier<JDA> shard) {
        this.shard = shard;
    }

    @Override
    public String platform() {
        return DiscordRequests.PLATFORM;
    }

    @Override
    public Delivery send(MemberId member, Reply message) {
        JDA jda = shard.get();
        if (jda == null) {
            return Delivery.FAILED;
        }
        MessageCreateData data = render(message, member);
        try {
            jda.openPrivateChannelById(member.userId()).flatMap(channel -> channel.sendMessage(data))
                    .submit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Delivery.SENT;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException refused
                    && UNREACHABLE.contains(refused.getErrorResponse())) {
                return Delivery.UNREACHABLE;
            }
            LOG.warn("discord: a direct message could not be sent: {}", e.getCause() == null ? e : e.getCause().getMessage());
            return Delivery.FAILED;
        } catch (TimeoutException e) {
            LOG.warn("discord: a direct message got no answer within {} s", TIMEOUT_SECONDS);
            return Delivery.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.FAILED;
        } catch (IllegalArgumentException e) {
            // Not a Discord user id: it can never be reached.
            return Delivery.UNREACHABLE;
        }
    }

    /** The check-in with its buttons bound to the member's guild (see the class comment). */
    static MessageCreateData render(Reply message, MemberId member) {
        MessageCreateData plain = DiscordReplies.render(message.withActions(List.of()),
                new DiscordReplies.View("checkin", "", member.userId()));
        String guild = member.workspace().equals(DiscordRequests.DIRECT) ? ComponentId.NO_GUILD : member.workspace();
        List<Button> buttons = new ArrayList<>();
        for (var action : message.actions()) {
            String key = action.command() + ":" + action.value();
            ComponentId id = switch (key) {
                case "next:" -> ComponentId.shared("next", "open", guild);
                case "checkin:off" -> ComponentId.shared("checkin", "off", guild);
                default -> null;
            };
            if (id != null) {
                id.format().ifPresent(custom -> buttons.add(key.startsWith("checkin")
                        ? Button.danger(custom, Limits.trim(action.label(), Limits.BUTTON_LABEL))
                        : Button.primary(custom, Limits.trim(action.label(), Limits.BUTTON_LABEL))));
            }
        }
        MessageCreateBuilder builder = MessageCreateBuilder.from(plain);
        if (!buttons.isEmpty()) {
            List<ActionRow> rows = new ArrayList<>(plain.getComponents().stream()
                    .filter(ActionRow.class::isInstance).map(ActionRow.class::cast).toList());
            rows.add(ActionRow.of(buttons));
            builder.setComponents(rows);
        }
        return builder.build();
    }
}
