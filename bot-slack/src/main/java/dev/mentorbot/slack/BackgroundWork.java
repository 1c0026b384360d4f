package dev.mentorbot.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work behind an ack: Bolt runs handlers before it answers Slack, so every handler acks at
 * once and hands the core call and the answer to this executor. A failure is one log line.
 */
final class BackgroundWork {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final Executor executor;

    BackgroundWork(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code work} later; {@code what} names it in the log. */
    void later(String what, Work work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    LOG.warn("could not answer a Slack {}: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("dropped a Slack {}: the bot is shutting down", what);
        }
    }

    /** Work that may call Slack and fail. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }
}
