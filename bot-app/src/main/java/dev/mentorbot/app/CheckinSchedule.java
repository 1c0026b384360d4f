package dev.mentorbot.app;

import dev.mentorbot.checkin.WeeklyCheckins;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the weekly check-ins every minute while the bot runs ({@code checkins.enabled}). Each run
 * sends at most a minute's worth ({@code checkins.per-minute}), spaced evenly, so a community's
 * check-ins spread over the week's first hours instead of bursting against the platforms' limits.
 */
final class CheckinSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckinSchedule.class);
    static final long EVERY_SECONDS = 60;

    private final WeeklyCheckins checkins;
    private ScheduledExecutorService timer;

    CheckinSchedule(WeeklyCheckins checkins) {
        this.checkins = checkins;
    }

    /** Starts the first run a minute from now (the platforms have just connected), then one a minute. */
    CheckinSchedule start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mentor-bot-checkins");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    private void runOnce() {
        try {
            WeeklyCheckins.Run run = checkins.sendDue();
            if (run.sent() > 0) {
                LOG.info("weekly check-ins: sent {}", run.sent());
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log it and keep the schedule.
            LOG.warn("weekly check-ins: this run failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
