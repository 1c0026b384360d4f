package dev.mentorbot.app;

import dev.mentorbot.state.CheckinStore;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.ProcessedEvents;
import dev.mentorbot.state.QuestionLog;
import dev.mentorbot.state.StateException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a long-running bot clears up, at start and then every hour: platform event ids past their
 * expiry (kept only to ignore retries), and logged questions older than the retention period
 * ({@code privacy.question-retention-days}). Without it both tables would grow for as long as
 * the bot runs.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    static final Duration EVERY = Duration.ofHours(1);

    private final ProcessedEvents events;
    private final QuestionLog questions;
    private final ConversationStore conversations;
    private final CheckinStore checkins;
    private final Duration retention;
    private final Clock clock;
    private ScheduledExecutorService timer;

    Housekeeping(ProcessedEvents events, QuestionLog questions, ConversationStore conversations, CheckinStore checkins,
                 Duration retention, Clock clock) {
        this.checkins = checkins;
        this.events = events;
        this.questions = questions;
        this.conversations = conversations;
        this.retention = retention;
        this.clock = clock;
    }

    /** Runs now, then every {@link #EVERY}, on a daemon thread. */
    Housekeeping start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mentor-bot-housekeeping");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, 0, EVERY.toMinutes(), TimeUnit.MINUTES);
        return this;
    }

    /** One round; a database that is busy or gone is logged and tried again next round. */
    void runOnce() {
        try {
            int expired = events.purgeExpired();
            int old = questions.purgeBefore(clock.instant().minus(retention));
            int turns = conversations.purgeExpired();
            // A claim only matters during its own week; two weeks on no instance will look at it.
            checkins.purgeClaimsBefore(clock.instant().minus(Duration.ofDays(14)));
            if (expired > 0 || old > 0 || turns > 0) {
                LOG.info("housekeeping: removed {} expired event id(s), {} question(s) older than {} days and {} expired"
                        + " conversation turn(s)", expired, old, retention.toDays(), turns);
            }
        } catch (StateException e) {
            LOG.warn("housekeeping skipped this round: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
