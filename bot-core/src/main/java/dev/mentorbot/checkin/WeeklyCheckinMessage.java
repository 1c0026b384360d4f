package dev.mentorbot.checkin;

import dev.mentorbot.command.NextStep;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.content.Checklist;
import dev.mentorbot.content.ChecklistItem;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.state.ItemProgress;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.ProgressStore;
import dev.mentorbot.track.NextSteps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes one member's weekly check-in: what they ticked in the seven days before it, and their
 * next step on the track they follow, with a button to open it and one to stop check-ins.
 */
public final class WeeklyCheckinMessage implements WeeklyCheckins.Writer {
    static final String TITLE = "Your weekly check-in";
    static final ReplyAction STOP = new ReplyAction("Stop check-ins", "checkin", "state", "off");
    /** Ticked items named one by one; beyond that a count, so the message stays a glance. */
    static final int TICKS_NAMED = 5;
    static final int NEXT_ITEMS_NAMED = 3;
    private static final Duration WEEK = Duration.ofDays(7);

    private final KnowledgeBase kb;
    private final ProgressStore progress;
    private final NextSteps steps;

    public WeeklyCheckinMessage(KnowledgeBase kb, ProgressStore progress, NextSteps steps) {
        this.kb = kb;
        this.progress = progress;
        this.steps = steps;
    }

    @Override
    public Reply write(MemberId member, Instant now) {
        List<String> ticked = tickedSince(member, now.minus(WEEK), now);
        StringBuilder text = new StringBuilder();
        if (ticked.isEmpty()) {
            text.append("You ticked nothing this week. That happens: one small item this week keeps you moving.");
        } else {
            text.append("This week you ticked ").append(ticked.size()).append(ticked.size() == 1 ? " item: " : " items: ")
                    .append(named(ticked, TICKS_NAMED)).append(". Well done!");
        }
        Reply next = steps.view(member, "");
        Optional<NextStep> step = next.step();
        if (step.isEmpty()) {
            text.append(" You don't follow a track yet: follow one, and each check-in shows your next step on it.");
        } else if (step.get().finished()) {
            text.append(" You have finished ").append(step.get().trackTitle())
                    .append(": every item is ticked. Time for a portfolio, interviews, or another track.");
        } else {
            NextStep s = step.get();
            text.append(" Next on ").append(s.trackTitle()).append(": stage ").append(s.stageNumber()).append(" of ")
                    .append(s.stages()).append(", ").append(s.stageTitle()).append('.');
            List<String> items = next.items().stream().map(ReplyItem::text).toList();
            if (!items.isEmpty()) {
                text.append(" Up next: ").append(named(items, NEXT_ITEMS_NAMED)).append('.');
            }
            text.append(" Track progress: ").append(s.done()).append('/').append(s.total()).append(" items (")
                    .append(s.percent()).append("%).");
        }
        Reply checkin = new Reply(Reply.Kind.NEXT, TITLE, text.toString(), List.of(), List.of(), List.of(), true)
                .withActions(List.of(CheckinCommand.openNext(), STOP));
        return step.map(checkin::withStep).orElse(checkin);
    }

    /** The texts of the items the member ticked (and left ticked) in {@code [from, to]}, newest first. */
    private List<String> tickedSince(MemberId member, Instant from, Instant to) {
        List<ItemProgress> recent = new ArrayList<>();
        for (ItemProgress p : progress.all(member)) {
            if (p.done() && !p.updatedAt().isBefore(from) && !p.updatedAt().isAfter(to)) {
                recent.add(p);
            }
        }
        recent.sort((a, b) -> b.updatedAt().compareTo(a.updatedAt()));
        List<String> texts = new ArrayList<>();
        for (ItemProgress p : recent) {
            // Items removed from the content since they were ticked are not named.
            kb.checklist(p.checklistId()).flatMap(c -> item(c, p.itemId())).ifPresent(i -> texts.add(i.text()));
        }
        return texts;
    }

    private static Optional<ChecklistItem> item(Checklist checklist, String id) {
        return checklist.items().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    private static String named(List<String> texts, int max) {
        if (texts.size() <= max) {
            return String.join("; ", texts);
        }
        return String.join("; ", texts.subList(0, max)) + " and " + (texts.size() - max) + " more";
    }
}
