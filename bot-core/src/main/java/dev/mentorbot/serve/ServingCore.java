package dev.mentorbot.serve;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.Delivery;
import dev.mentorbot.command.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point platform adapters call while the bot runs. Around the command set it adds
 * rate limits, metrics and a debug line per request; it swaps in a new command set atomically
 * when content is reloaded (each request reads the set once, so it is served wholly by the old
 * index or wholly by the new one); and on shutdown it refuses new work and waits, with a bound,
 * for requests in flight.
 */
public final class ServingCore {
    private static final Logger LOG = LoggerFactory.getLogger(ServingCore.class);
    /**
     * Commands the rate limits do not count: personal checklist state, cheap to serve and never
     * posted to a channel. Platforms read several of them for one member action (a Slack Home tab
     * refresh reads every checklist), so counting them would slow down members, not floods.
     */
    static final Set<String> UNMETERED = Set.of("checklist", "tick", "untick", "progress", "next", "forget-me");
    static final String RESTARTING = "I'm restarting for a moment. Please ask again in a minute.";

    private final AtomicReference<Commands> commands;
    private final RateLimiter limiter;
    private final CoreMetrics metrics;
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();

    public ServingCore(Commands commands, RateLimiter limiter, CoreMetrics metrics) {
        this.commands = new AtomicReference<>(commands);
        this.limiter = limiter;
        this.metrics = metrics;
    }

    /** Handles one member request. Never throws. */
    public Reply handle(CommandRequest request) {
        // Counted before the check, so drain() either waits for this request or this request sees
        // that the bot is stopping: none can slip in between.
        inFlight.incrementAndGet();
        try {
            if (!accepting.get()) {
                return Reply.error(RESTARTING);
            }
            RateLimiter.Verdict verdict = UNMETERED.contains(request.command())
                    ? RateLimiter.ALLOWED
                    : limiter.admit(request.member(), request.delivery() == Delivery.CHANNEL_POST);
            if (!verdict.decision().allowed()) {
                metrics.limited(request, verdict.scope());
                LOG.debug("rate-limited platform={} command={} scope={}", request.member().platform(),
                        request.command(), verdict.scope());
                return Reply.limited(slowDown(verdict.scope()), verdict.decision() == RateLimiter.Decision.SLOW_DOWN);
            }
            long t0 = System.nanoTime();
            Reply reply = commands.get().handle(request);
            long nanos = System.nanoTime() - t0;
            metrics.served(request, reply, nanos);
            // One line per request at debug level; member text never goes to the log here.
            LOG.debug("served platform={} command={} reply={} sources={} micros={}", request.member().platform(),
                    request.command(), reply.kind(), reply.sources().size(), nanos / 1_000);
            return reply;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private String slowDown(RateLimiter.Scope scope) {
        return scope == RateLimiter.Scope.GLOBAL
                ? "I'm answering a lot of questions right now. Please ask again in a few seconds."
                : "You're sending requests faster than I can answer them well. Please wait about "
                        + limiter.secondsUntilNext() + " seconds between questions; I'll stay quiet until then.";
    }

    /** The commands members can use (the same for every command set). */
    public List<CommandSpec> specs() {
        return commands.get().specs();
    }

    /** Puts a new command set in service; requests already running finish on the old one. */
    public void swap(Commands next) {
        commands.set(next);
    }

    /** Whether new requests are still taken. */
    public boolean accepting() {
        return accepting.get();
    }

    /** Requests being handled right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Stops taking new requests (they get a polite "restarting" reply) and waits until those in
     * flight finish or the bound passes.
     *
     * @return whether every request in flight finished in time
     */
    public boolean drain(Duration bound) throws InterruptedException {
        accepting.set(false);
        long deadline = System.nanoTime() + bound.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                LOG.warn("{} request(s) still running after {} s; stopping anyway", inFlight.get(), bound.toSeconds());
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
