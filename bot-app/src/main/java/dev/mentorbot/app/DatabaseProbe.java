package dev.mentorbot.app;

import dev.mentorbot.state.StateException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The database part of readiness: a trivial query, answered within a deadline. The pool waits up
 * to 30 s for a connection, far longer than any orchestrator waits for a probe, so the query runs
 * on a thread of its own and the probe gives up at the deadline. One query at most is in flight:
 * while the database hangs, repeated probes wait on the same one instead of piling up threads.
 */
final class DatabaseProbe implements AutoCloseable {
    /** Well under the usual 1 to 5 s probe timeouts of Docker, Kubernetes and load balancers. */
    static final Duration DEFAULT_DEADLINE = Duration.ofMillis(800);

    private final Runnable ping;
    private final Duration deadline;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mentor-bot-db-probe");
        t.setDaemon(true);
        return t;
    });
    private Future<?> inFlight;

    /**
     * @param ping     throws when the database cannot answer (e.g. {@code Database::ping})
     * @param deadline how long a probe waits for the answer
     */
    DatabaseProbe(Runnable ping, Duration deadline) {
        this.ping = ping;
        this.deadline = deadline;
    }

    /** Whether the database answered in time, and what an operator should know. */
    AdminServer.Check check() {
        Future<?> probe = current();
        try {
            probe.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new AdminServer.Check("database", true, "reachable");
        } catch (TimeoutException e) {
            return new AdminServer.Check("database", false, "no answer in " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // StateException messages name the database without credentials; anything else is unexpected.
            String why = cause instanceof StateException && cause.getMessage() != null ? cause.getMessage()
                    : "cannot be reached (" + cause.getClass().getSimpleName() + ")";
            return new AdminServer.Check("database", false, why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AdminServer.Check("database", false, "probe interrupted");
        }
    }

    private synchronized Future<?> current() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = executor.submit(ping);
        }
        return inFlight;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
