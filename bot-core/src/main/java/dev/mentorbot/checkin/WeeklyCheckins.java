package dev.mentorbot.checkin;

import dev.mentorbot.checklist.ChecklistProgress;
import dev.mentorbot.command.Reply;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.platform.DirectMessages;
import dev.mentorbot.state.CheckinStore;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.StateException;
import dev.mentorbot.track.NextSteps;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the check-ins that are due, a batch at a time. Run it periodically (every minute) on every
 * instance: each check-in is claimed in the database before it is sent, so however many instances
 * run it, a member gets one per week.
 *
 * <p>Sends are spaced by {@code pause}, so a batch never bursts against a platform's rate limits. A
 * member the platform cannot reach (left the workspace, blocks DMs) is opted out with one log line;
 * a send that failed for a passing reason gives its claim back and is tried on a later run.
 */
public final class WeeklyCheckins {
    private static final Logger LOG = LoggerFactory.getLogger(WeeklyCheckins.class);

    private final CheckinStore store;
    private final Writer message;
    private final Map<String, DirectMessages> senders = new LinkedHashMap<>();
    private final Clock clock;
    private final int batch;
    private final Duration pause;

    /**
     * @param senders one per platform whose members can get check-ins
     * @param batch   check-ins sent at most per run
     * @param pause   wait between two sends
     */
    public WeeklyCheckins(CheckinStore store, Writer message, List<DirectMessages> senders, Clock clock,
                          int batch, Duration pause) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        this.store = store;
        this.message = message;
        senders.forEach(s -> this.senders.put(s.platform(), s));
        this.clock = clock;
        this.batch = batch;
        this.pause = pause;
    }

    /**
     * Check-ins over an open database, each written from the content {@code kb} gives when it is
     * sent (so a content reload changes the next check-in, not one being sent).
     */
    public static WeeklyCheckins over(Database db, Supplier<KnowledgeBase> kb, List<DirectMessages> senders,
                                      Clock clock, int batch, Duration pause) {
        Writer writer = (member, now) -> {
            KnowledgeBase content = kb.get();
            NextSteps steps = new NextSteps(content, new ChecklistProgress(content, db.progress()), db.tracks());
            return new WeeklyCheckinMessage(content, db.progress(), steps).write(member, now);
        };
        return new WeeklyCheckins(db.checkins(), writer, senders, clock, batch, pause);
    }

    /** Writes a member's check-in; {@link WeeklyCheckinMessage}, over the content in force when it runs. */
    @FunctionalInterface
    public interface Writer {
        /** The check-in {@code member} gets at {@code now}. */
        Reply write(MemberId member, java.time.Instant now);
    }

    /** What one run did. */
    public record Run(int sent, int unreachable, int failed) {
    }

    /**
     * Sends the due check-ins, at most one batch. Never throws for a database outage: it logs one
     * line and sends nothing, and the next run picks up where this one could not.
     */
    public Run sendDue() {
        if (senders.isEmpty()) {
            return new Run(0, 0, 0);
        }
        int sent = 0;
        int unreachable = 0;
        int failed = 0;
        try {
            for (CheckinStore.DueCheckin due : store.due(senders.keySet(), clock.instant(), batch)) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (sent + unreachable + failed > 0 && !sleep()) {
                    break;
                }
                MemberId member = due.member();
                // Claimed just before sending: whichever instance inserts the row sends, the others skip.
                if (!store.claim(member, due.week(), clock.instant())) {
                    continue;
                }
                Reply checkin = message.write(member, clock.instant());
                switch (senders.get(member.platform()).send(member, checkin)) {
                    case SENT -> sent++;
                    case UNREACHABLE -> {
                        unreachable++;
                        store.optOut(member);
                        LOG.info("Weekly check-in for {} not sent: the member cannot get direct messages from the bot "
                                + "(left, deactivated or blocks DMs); they no longer get check-ins", display(member));
                    }
                    case FAILED -> {
                        failed++;
                        store.release(member, due.week());
                    }
                }
            }
        } catch (StateException e) {
            LOG.warn("Weekly check-ins paused: {}", e.getMessage());
        }
        if (failed > 0) {
            LOG.warn("{} weekly check-in(s) could not be sent just now; they are tried again on the next run", failed);
        }
        return new Run(sent, unreachable, failed);
    }

    private boolean sleep() {
        if (pause.isZero()) {
            return true;
        }
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String display(MemberId member) {
        return member.platform() + ":" + member.workspace() + ":" + member.userId();
    }
}
