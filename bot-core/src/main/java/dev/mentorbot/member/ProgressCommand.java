package dev.mentorbot.member;

import dev.mentorbot.checklist.ChecklistProgress;
import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.content.Checklist;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.content.Roadmap;
import dev.mentorbot.content.RoadmapStage;
import dev.mentorbot.state.TrackStore;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code progress}: the member's checklists and roadmaps at a glance, shown only to them, with the
 * track they follow marked.
 */
public final class ProgressCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("progress",
            "Your progress on the checklists and roadmaps", List.of());

    /** Marks the followed track, as the roadmap list does. */
    private static final String YOUR_TRACK = " (your track)";

    private final KnowledgeBase kb;
    private final ChecklistProgress progress;
    private final TrackStore tracks;

    public ProgressCommand(KnowledgeBase kb, ChecklistProgress progress, TrackStore tracks) {
        this.kb = kb;
        this.progress = progress;
        this.tracks = tracks;
    }

    @Override
    public Reply handle(CommandRequest request) {
        List<ReplyItem> items = new ArrayList<>();
        String followed = tracks.followed(request.member()).filter(id -> kb.roadmap(id).isPresent()).orElse("");
        int done = 0;
        for (Checklist c : kb.checklists()) {
            ChecklistProgress.Count count = progress.checklist(request.member(), c);
            done += count.done();
            items.add(new ReplyItem(c.id(), "Checklist " + c.title() + ": " + count + " done",
                    count.total() > 0 && count.done() == count.total(), ""));
        }
        for (Roadmap r : kb.roadmaps()) {
            int stagesDone = 0;
            String next = "";
            for (RoadmapStage s : r.stages()) {
                ChecklistProgress.Count count = progress.stage(request.member(), s);
                if (count.total() > 0 && count.done() == count.total()) {
                    stagesDone++;
                } else if (next.isEmpty()) {
                    next = "Next stage: " + s.title();
                }
            }
            String mark = r.id().equals(followed) ? YOUR_TRACK : "";
            items.add(new ReplyItem(r.id(), "Roadmap " + r.title() + mark + ": " + stagesDone + "/" + r.stages().size()
                    + " stages complete", stagesDone == r.stages().size(), next));
        }
        String text = done == 0
                ? "You haven't ticked any checklist item yet. Try the checklist command to start."
                : "You have ticked " + done + " checklist item" + (done == 1 ? "" : "s") + ".";
        if (!followed.isEmpty()) {
            text += " You follow " + kb.roadmap(followed).orElseThrow().title() + ": next shows your next step.";
        }
        return new Reply(Reply.Kind.LIST, "Your progress", text, List.of(), List.of(), items, true);
    }
}
