package dev.mentorbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.SlackApiException;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.state.MemberId;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkboxes, reconciled with the stored ticks. Slack sends the options now selected in one group
 * of a checklist (or in a next step), not what changed: each item whose state differs from the
 * stored one is ticked or unticked through the core, then the view is drawn again.
 */
final class ChecklistTicks {
    /** A checkbox group's action: {@code group} and its number, as {@link BlockKit} renders it. */
    private static final Pattern GROUP = Pattern.compile("group([0-9]{1,3})");
    static final String UNREADABLE_CHECKLIST =
            "Sorry, I couldn't read that checklist. Open it again with `/mentor checklist`.";

    private final Function<CommandRequest, Reply> core;
    private final ActionReplies replies;
    private final HomeTab home;

    ChecklistTicks(Function<CommandRequest, Reply> core, ActionReplies replies, HomeTab home) {
        this.core = core;
        this.replies = replies;
        this.home = home;
    }

    /**
     * A checkbox group changed: each item of that group of ten whose state differs from the stored
     * one is ticked or unticked. Then the message (or the Home tab) shows the new progress.
     */
    void group(BlockActionPayload p, ActionContext ctx, MemberId member, ActionValue value,
               BlockActionPayload.Action action) throws IOException, SlackApiException {
        Matcher groupNumber = GROUP.matcher(value.action());
        if (!groupNumber.matches()) {
            replies.notice(p, ctx, UNREADABLE_CHECKLIST);
            return;
        }
        int group = Integer.parseInt(groupNumber.group(1));
        String checklistId = value.arg();
        Reply current = core.apply(new CommandRequest("checklist", Map.of("topic", checklistId), member));
        if (current.kind() != Reply.Kind.CHECKLIST) {
            replies.show(p, ctx, current, "checklist", member.userId(), true);
            return;
        }
        if (group * BlockKit.CHECKBOX_OPTIONS >= current.items().size()) {
            // A group the checklist does not have: forged, or rendered before the checklist shrank.
            replies.notice(p, ctx, UNREADABLE_CHECKLIST);
            return;
        }
        Set<String> selected = new HashSet<>();
        if (action.getSelectedOptions() != null) {
            action.getSelectedOptions().forEach(o -> selected.add(o.getValue()));
        }
        List<ReplyItem> items = current.items();
        Reply latest = current;
        int from = group * BlockKit.CHECKBOX_OPTIONS;
        for (int i = from; i < Math.min(items.size(), from + BlockKit.CHECKBOX_OPTIONS); i++) {
            ReplyItem item = items.get(i);
            boolean want = selected.contains(item.id());
            if (want != item.done()) {
                latest = core.apply(new CommandRequest(want ? "tick" : "untick",
                        Map.of("topic", checklistId, "item", item.id()), member));
            }
        }
        if (ActionReplies.inHomeTab(p)) {
            home.publish(ctx.client(), member);
            return;
        }
        replies.show(p, ctx, latest, "checklist", member.userId(), true);
        home.publish(ctx.client(), member);
    }

    /**
     * The checkboxes of a next step changed: every selected item is ticked through the core, the
     * same tick a checklist makes (the items shown were all unticked, so nothing is unticked here).
     * Then the next step is drawn again, in the message and in the Home tab.
     */
    void next(BlockActionPayload p, ActionContext ctx, MemberId member, BlockActionPayload.Action action)
            throws IOException, SlackApiException {
        if (action.getSelectedOptions() != null) {
            for (var option : action.getSelectedOptions()) {
                String item = option.getValue() == null ? "" : option.getValue();
                int slash = item.indexOf('/');
                if (slash <= 0) {
                    continue; // not an item id of ours
                }
                core.apply(new CommandRequest("tick", Map.of("topic", item.substring(0, slash), "item", item), member));
            }
        }
        if (!ActionReplies.inHomeTab(p)) {
            replies.show(p, ctx, core.apply(new CommandRequest("next", Map.of(), member)), "next", member.userId(), true);
        }
        home.publish(ctx.client(), member);
    }
}
