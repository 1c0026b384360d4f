package dev.mentorbot.discord;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core, called off JDA's threads: every listener hands its request here, so JDA's event
 * thread never waits for an answer, and a failure becomes a polite error, never an exception.
 * Also the two ways a JDA request's failure is logged.
 */
final class CoreCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoreCalls.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final Function<CommandRequest, Reply> core;
    private final ExecutorService work;

    CoreCalls(Function<CommandRequest, Reply> core) {
        this.core = core;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.work = Executors.newFixedThreadPool(threads, daemon("discord-core"));
    }

    /** The core's reply to a request, computed on the executor. */
    CompletableFuture<Reply> run(CommandRequest request) {
        try {
            return CompletableFuture.supplyAsync(() -> core.apply(request), work).exceptionally(e -> {
                LOG.error("discord: /{} failed", request.command(), e);
                return Reply.error("Sorry, something went wrong on my side.");
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Reply.error("I am shutting down; please ask again in a minute."));
        }
    }

    /** Lets running answers finish (for a while), then stops. */
    @Override
    public void close() {
        work.shutdown();
        try {
            if (!work.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("discord: answers still running after {} s; stopping them", DRAIN_TIMEOUT.toSeconds());
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logs a JDA request that failed: one line, it is Discord's answer, not a bug. */
    static Consumer<Throwable> failure(String what) {
        return e -> LOG.warn("discord: {} failed: {}", what, e.getMessage());
    }

    /** Ends a chain of work on a reply: a CompletableFuture would otherwise drop the exception unseen. */
    static Function<Throwable, Void> unexpected(String what) {
        return e -> {
            LOG.error("discord: {} failed", what, e);
            return null;
        };
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
