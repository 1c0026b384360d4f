package dev.mentorbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.SlackApiException;
import dev.mentorbot.ask.AskCommand;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.Surface;
import dev.mentorbot.state.MemberId;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons and checkboxes: the value is parsed in one place ({@link ActionValue}), personal
 * controls are checked by owner, and each action becomes a core request. Forged or stale values
 * get a polite line, never an exception.
 */
final class ActionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ActionHandler.class);
    private static final String UNKNOWN_BUTTON = "Sorry, I didn't understand that button. Try `/mentor help`.";

    private final Function<CommandRequest, Reply> core;
    private final ActionReplies replies;
    private final ChecklistTicks ticks;
    private final HomeTab home;

    ActionHandler(Function<CommandRequest, Reply> core, ActionReplies replies, ChecklistTicks ticks, HomeTab home) {
        this.core = core;
        this.replies = replies;
        this.ticks = ticks;
        this.home = home;
    }

    void onAction(BlockActionPayload p, ActionContext ctx) throws IOException, SlackApiException {
        if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null) {
            return;
        }
        String team = p.getTeam() != null ? p.getTeam().getId() : (p.getUser().getTeamId());
        String user = p.getUser().getId();
        MemberId member = SlackText.member(team, user);
        BlockActionPayload.Action action = p.getActions().get(0);
        String raw = "checkboxes".equals(action.getType())
                ? action.getActionId().substring(BlockKit.ACTION_PREFIX.length()) : action.getValue();
        Optional<ActionValue> parsed = ActionValue.parse(raw);
        if (parsed.isEmpty()) {
            LOG.warn("ignored a block action with a value that is not ours");
            replies.notice(p, ctx, UNKNOWN_BUTTON);
            return;
        }
        ActionValue value = parsed.get();
        if (!value.allows(user)) {
            replies.notice(p, ctx, "That checklist belongs to someone else. Open your own with `/mentor checklist`.");
            return;
        }
        switch (value.command() + ":" + value.action()) {
            case "ask:related" -> replies.show(p, ctx,
                    new CommandRequest("ask", Map.of("question", value.arg()), member, Surface.SLACK), false);
            // The shared answer is posted for the channel beside the private one, which stays.
            case "ask:share" -> replies.show(p, ctx, new CommandRequest("ask",
                    Map.of("question", value.arg(), AskCommand.SHARE, "channel"), member, Surface.SLACK), false);
            case "feedback:helpful", "feedback:not-helpful" -> {
                int bar = value.arg().indexOf('|');
                if (bar <= 0) {
                    replies.notice(p, ctx, "Sorry, I couldn't read that vote.");
                    return;
                }
                replies.show(p, ctx, new CommandRequest("feedback", Map.of("vote", value.action(),
                        "answer", value.arg().substring(0, bar), "question", value.arg().substring(bar + 1)), member), false);
            }
            case "checklist:open" -> replies.show(p, ctx,
                    new CommandRequest("checklist", Map.of("topic", value.arg()), member), false);
            case "roadmap:open" -> replies.show(p, ctx,
                    new CommandRequest("roadmap", Map.of("track", value.arg()), member), false);
            case "next:open" -> replies.show(p, ctx, new CommandRequest("next", Map.of(), member), false);
            case "checkin:off" -> replies.show(p, ctx,
                    new CommandRequest("checkin", Map.of("state", "off"), member), false);
            case "follow:track" -> {
                CommandRequest follow = new CommandRequest("follow", Map.of("track", value.arg()), member);
                if (ActionReplies.inHomeTab(p)) {
                    // Followed from the Home tab: the tab itself shows the new next step.
                    core.apply(follow);
                } else {
                    replies.show(p, ctx, follow, false);
                }
                home.publish(ctx.client(), member);
            }
            case "next:tick" -> ticks.next(p, ctx, member, action);
            case "forget-me:confirm" -> {
                // Replaces the private view that asked, so the button cannot be pressed twice.
                replies.show(p, ctx, new CommandRequest("forget-me", Map.of("confirm", "yes"), member, Surface.SLACK), true);
                home.publish(ctx.client(), member);
            }
            default -> {
                if ("checklist".equals(value.command()) && value.action().startsWith("group")) {
                    ticks.group(p, ctx, member, value, action);
                } else {
                    replies.notice(p, ctx, UNKNOWN_BUTTON);
                }
            }
        }
    }
}
