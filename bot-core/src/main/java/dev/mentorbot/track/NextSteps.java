package dev.mentorbot.track;

import dev.mentorbot.checklist.ChecklistProgress;
import dev.mentorbot.command.NextStep;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.content.Checklist;
import dev.mentorbot.content.ChecklistItem;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.content.Roadmap;
import dev.mentorbot.content.RoadmapStage;
import dev.mentorbot.retrieval.SourceRef;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.TrackStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the next-step view of a member's track from their ticks: the first stage with unticked
 * items in its linked checklists, its next few unticked items, and the track's progress.
 */
public final class NextSteps {
    /** Items shown at once: a handful to act on, and within every platform's button limits. */
    static final int ITEMS_SHOWN = 5;
    static final String TITLE = "Your next step";
    /** Where to go once a track is done: the questions a finished learner asks next. */
    static final List<String> AFTER_THE_TRACK = List.of(
            "How do I build a portfolio?", "How do I prepare for a machine learning interview?");

    private final KnowledgeBase kb;
    private final ChecklistProgress progress;
    private final TrackStore tracks;

    public NextSteps(KnowledgeBase kb, ChecklistProgress progress, TrackStore tracks) {
        this.kb = kb;
        this.progress = progress;
        this.tracks = tracks;
    }

    /** Resolves what a member typed for a track the same way {@code roadmap} does. */
    Optional<Roadmap> resolve(String typed) {
        return dev.mentorbot.command.Choices.resolve(typed, kb.roadmaps(), Roadmap::id, Roadmap::title);
    }

    /** The member's next step, after {@code note} (e.g. "You now follow From zero."); empty note for none. */
    public Reply view(MemberId member, String note) {
        Optional<String> stored = tracks.followed(member);
        Optional<Roadmap> followed = stored.flatMap(kb::roadmap);
        if (followed.isEmpty()) {
            String intro = stored.isPresent()
                    ? "The track you followed is no longer offered. Pick the one that matches where you start:"
                    : "You don't follow a track yet. Pick the one that matches where you start, and I'll show "
                            + "you what to do next:";
            return choose(prefixed(note, intro), Reply.Kind.LIST, "");
        }
        return step(member, followed.get(), note);
    }

    /** The tracks as items with a "Follow" button each ({@code except} one, or none when empty). */
    Reply choose(String text, Reply.Kind kind, String except) {
        List<ReplyItem> items = new ArrayList<>();
        List<ReplyAction> actions = new ArrayList<>();
        for (Roadmap r : kb.roadmaps()) {
            if (r.id().equals(except)) {
                continue;
            }
            items.add(new ReplyItem(r.id(), r.title(), false, r.summary() == null ? "" : r.summary()));
            actions.add(follow(r));
        }
        if (kb.roadmaps().isEmpty()) {
            text = "No roadmaps are installed, so there is no track to follow.";
        }
        return new Reply(kind, TITLE, text, List.of(), List.of(), items, true).withActions(actions);
    }

    static ReplyAction follow(Roadmap r) {
        return new ReplyAction("Follow " + r.title(), "follow", "track", r.id());
    }

    private Reply step(MemberId member, Roadmap roadmap, String note) {
        // Each checklist's ticks are read once, however many stages link it.
        Map<String, Set<String>> ticks = new HashMap<>();
        Set<String> trackItems = new LinkedHashSet<>();
        int done = 0;
        int stagesDone = 0;
        int number = 0;
        RoadmapStage current = null;
        int currentNumber = 0;
        List<ReplyItem> unticked = new ArrayList<>();
        for (RoadmapStage stage : roadmap.stages()) {
            number++;
            List<ReplyItem> open = new ArrayList<>();
            int stageItems = 0;
            for (String checklistId : new LinkedHashSet<>(stage.checklists())) {
                Checklist c = kb.checklist(checklistId).orElse(null);
                if (c == null) {
                    continue;
                }
                Set<String> ticked = ticks.computeIfAbsent(c.id(), id -> progress.done(member, c));
                for (ChecklistItem item : c.items()) {
                    String id = c.id() + "/" + item.id();
                    stageItems++;
                    boolean isDone = ticked.contains(item.id());
                    if (trackItems.add(id) && isDone) {
                        done++;
                    }
                    if (!isDone) {
                        open.add(new ReplyItem(id, item.text(), false, c.title()));
                    }
                }
            }
            if (stageItems > 0 && open.isEmpty()) {
                stagesDone++;
            }
            if (current == null && !open.isEmpty()) {
                current = stage;
                currentNumber = number;
                unticked = open;
            }
        }
        int stages = roadmap.stages().size();
        NextStep step = new NextStep(roadmap.id(), roadmap.title(), current == null ? "" : current.id(),
                current == null ? "" : current.title(), currentNumber, stages, stagesDone, done, trackItems.size());
        String progressLine = "Track progress: " + done + "/" + trackItems.size() + " items (" + step.percent()
                + "%), " + stagesDone + " of " + stages + " stages complete.";
        String source = kb.source(roadmap.source()).map(s -> s.title()).orElse(roadmap.source());
        List<SourceRef> sources = List.of(new SourceRef("Roadmap", roadmap.title(), source, roadmap.id(), 1.0));
        if (current == null) {
            return finished(roadmap, note, step, sources);
        }
        StringBuilder text = new StringBuilder(roadmap.title()).append(", stage ").append(currentNumber)
                .append(" of ").append(stages).append(": ").append(current.title()).append('.');
        if (!current.goals().isEmpty()) {
            text.append(" Goals: ").append(String.join("; ", current.goals())).append('.');
        }
        text.append(' ').append(progressLine);
        List<ReplyItem> shown = unticked.subList(0, Math.min(ITEMS_SHOWN, unticked.size()));
        text.append(shown.size() < unticked.size()
                ? " Tick these as you learn them (" + shown.size() + " of the " + unticked.size() + " left in this stage):"
                : " Tick these as you learn them:");
        return new Reply(Reply.Kind.NEXT, TITLE, prefixed(note, text.toString()), sources, List.of(), shown, true)
                .withActions(List.of(new ReplyAction("Show the whole track", "roadmap", "track", roadmap.id())))
                .withStep(step);
    }

    /** Every item ticked: said warmly, with where to go from here. */
    private Reply finished(Roadmap roadmap, String note, NextStep step, List<SourceRef> sources) {
        String text;
        if (step.total() == 0) {
            text = roadmap.title() + " has no checklist items to tick yet. Read its stages with the roadmap command.";
        } else {
            text = "You have done it: all " + step.total() + " items of " + roadmap.title() + " are ticked, every stage "
                    + "of the track. That is a real achievement, well done! What next: put your best project in a "
                    + "portfolio and start applying, ask me about interviews, or follow another track to fill the "
                    + "gaps it covers.";
        }
        List<ReplyAction> others = new ArrayList<>();
        kb.roadmaps().stream().filter(r -> !r.id().equals(roadmap.id())).forEach(r -> others.add(follow(r)));
        return new Reply(Reply.Kind.NEXT, TITLE, prefixed(note, text), sources,
                step.total() == 0 ? List.of() : AFTER_THE_TRACK, List.of(), true).withActions(others).withStep(step);
    }

    private static String prefixed(String note, String text) {
        return note == null || note.isBlank() ? text : note + " " + text;
    }
}
