package dev.mentorbot.roadmap;

import dev.mentorbot.checklist.ChecklistProgress;
import dev.mentorbot.command.Choices;
import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.content.Roadmap;
import dev.mentorbot.content.RoadmapStage;
import dev.mentorbot.retrieval.SourceRef;
import dev.mentorbot.state.MemberId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code roadmap [track]}: the tracks, or one track's ordered stages with their checklists and
 * the member's progress, derived from the items ticked in the checklists each stage links.
 */
public final class RoadmapCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("roadmap",
            "A step-by-step learning roadmap for your starting point",
            List.of(new OptionSpec("track", "Where you start from (leave empty to see the tracks)",
                    OptionSpec.Type.TRACK, false)));

    private final KnowledgeBase kb;
    private final ChecklistProgress progress;

    public RoadmapCommand(KnowledgeBase kb, ChecklistProgress progress) {
        this.kb = kb;
        this.progress = progress;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Optional<String> typed = request.option("track");
        if (typed.isEmpty()) {
            return tracks(kb, "Pick the track that matches where you start:");
        }
        Optional<Roadmap> roadmap = Choices.resolve(typed.get(), kb.roadmaps(), Roadmap::id, Roadmap::title);
        if (roadmap.isEmpty()) {
            Reply list = tracks(kb, "I don't know the track '" + typed.get() + "'. The tracks are:");
            return new Reply(Reply.Kind.ERROR, list.title(), list.text(), List.of(), List.of(), list.items(), true);
        }
        return stages(kb, roadmap.get(), progress, request.member());
    }

    /** The list of tracks, as choices. */
    static Reply tracks(KnowledgeBase kb, String intro) {
        List<ReplyItem> items = kb.roadmaps().stream()
                .map(r -> new ReplyItem(r.id(), r.title(), false, r.summary() == null ? "" : r.summary()))
                .toList();
        if (items.isEmpty()) {
            return new Reply(Reply.Kind.LIST, "Roadmaps", "No roadmaps are installed.", List.of(), List.of(),
                    List.of(), false);
        }
        return new Reply(Reply.Kind.LIST, "Roadmaps", intro, List.of(), List.of(), items, false);
    }

    /** One track in full: each stage with its goals, practice, duration, checklists and progress. */
    static Reply stages(KnowledgeBase kb, Roadmap roadmap, ChecklistProgress progress, MemberId member) {
        List<ReplyItem> items = new ArrayList<>();
        int n = 1;
        int done = 0;
        int total = 0;
        for (RoadmapStage s : roadmap.stages()) {
            ChecklistProgress.Count count = progress.stage(member, s);
            done += count.done();
            total += count.total();
            List<String> detail = new ArrayList<>();
            if (!s.goals().isEmpty()) {
                detail.add("Goals: " + String.join("; ", s.goals()));
            }
            if (!s.practice().isEmpty()) {
                detail.add("Practice: " + String.join("; ", s.practice()));
            }
            if (s.duration() != null && !s.duration().isBlank()) {
                detail.add("Duration: " + s.duration());
            }
            if (!s.checklists().isEmpty()) {
                detail.add("Checklists: " + String.join(", ", s.checklists()) + " (" + count + " items done)");
            }
            boolean stageDone = count.total() > 0 && count.done() == count.total();
            items.add(new ReplyItem(roadmap.id() + "/" + s.id(), (n++) + ". " + s.title(), stageDone,
                    String.join("\n", detail)));
        }
        String source = kb.source(roadmap.source()).map(x -> x.title()).orElse(roadmap.source());
        String summary = (roadmap.summary() == null ? "" : roadmap.summary() + " ")
                + "Your progress: " + done + "/" + total + " checklist items done.";
        return new Reply(Reply.Kind.ROADMAP, roadmap.title(), summary,
                List.of(new SourceRef("Roadmap", roadmap.title(), source, roadmap.id(), 1.0)),
                List.of(), items, true);
    }
}
