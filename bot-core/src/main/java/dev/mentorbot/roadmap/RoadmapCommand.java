package dev.mentorbot.roadmap;

import dev.mentorbot.checklist.ChecklistProgress;
import dev.mentorbot.command.Choices;
import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.content.Roadmap;
import dev.mentorbot.content.RoadmapStage;
import dev.mentorbot.retrieval.SourceRef;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.TrackStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code roadmap [track]}: the tracks, or one track's ordered stages with their checklists and
 * the member's progress, derived from the items ticked in the checklists each stage links. The
 * track the member follows is marked; any other offers a "Follow this track" button.
 */
public final class RoadmapCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("roadmap",
            "A step-by-step learning roadmap for your starting point",
            List.of(new OptionSpec("track", "Where you start from (leave empty to see the tracks)",
                    OptionSpec.Type.TRACK, false)));

    /** Marks the followed track in lists, where the title is also a button label. */
    static final String YOUR_TRACK = " (your track)";

    private final KnowledgeBase kb;
    private final ChecklistProgress progress;
    private final TrackStore tracks;

    public RoadmapCommand(KnowledgeBase kb, ChecklistProgress progress, TrackStore tracks) {
        this.kb = kb;
        this.progress = progress;
        this.tracks = tracks;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Optional<String> typed = request.option("track");
        if (typed.isEmpty()) {
            return tracks(kb, "Pick the track that matches where you start:", tracks.followed(request.member()));
        }
        Optional<Roadmap> roadmap = Choices.resolve(typed.get(), kb.roadmaps(), Roadmap::id, Roadmap::title);
        if (roadmap.isEmpty()) {
            Reply list = tracks(kb, "I don't know the track '" + typed.get() + "'. The tracks are:",
                    tracks.followed(request.member()));
            return new Reply(Reply.Kind.ERROR, list.title(), list.text(), List.of(), List.of(), list.items(), true);
        }
        return stages(kb, roadmap.get(), progress, tracks, request.member());
    }

    /** The list of tracks, as choices; the {@code followed} one is marked. */
    static Reply tracks(KnowledgeBase kb, String intro, Optional<String> followed) {
        List<ReplyItem> items = kb.roadmaps().stream()
                .map(r -> new ReplyItem(r.id(), r.title() + (followed.filter(r.id()::equals).isPresent() ? YOUR_TRACK : ""),
                        false, r.summary() == null ? "" : r.summary()))
                .toList();
        if (items.isEmpty()) {
            return new Reply(Reply.Kind.LIST, "Roadmaps", "No roadmaps are installed.", List.of(), List.of(),
                    List.of(), false);
        }
        return new Reply(Reply.Kind.LIST, "Roadmaps", intro, List.of(), List.of(), items, false);
    }

    /** One track in full: each stage with its goals, practice, duration, checklists and progress. */
    static Reply stages(KnowledgeBase kb, Roadmap roadmap, ChecklistProgress progress, TrackStore tracks,
                        MemberId member) {
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
        boolean following = tracks.followed(member).filter(roadmap.id()::equals).isPresent();
        String summary = (roadmap.summary() == null ? "" : roadmap.summary() + " ")
                + "Your progress: " + done + "/" + total + " checklist items done."
                + (following ? " You follow this track." : "");
        ReplyAction action = following ? ReplyAction.run("Show my next step", "next")
                : new ReplyAction("Follow this track", "follow", "track", roadmap.id());
        return new Reply(Reply.Kind.ROADMAP, roadmap.title(), summary,
                List.of(new SourceRef("Roadmap", roadmap.title(), source, roadmap.id(), 1.0)),
                List.of(), items, true).withActions(List.of(action));
    }
}
