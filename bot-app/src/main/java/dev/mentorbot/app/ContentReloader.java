package dev.mentorbot.app;

import dev.mentorbot.command.Commands;
import dev.mentorbot.content.ContentException;
import dev.mentorbot.serve.ServingCore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the knowledge base and its index, then swaps the new command set into the serving
 * core in one step. The old index keeps serving while the new one is built; a broken file keeps
 * it serving for good, and the error (with file and line) is logged and returned.
 */
final class ContentReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ContentReloader.class);

    /** Builds a runtime from the content as it is now on disk. */
    @FunctionalInterface
    interface RuntimeBuilder {
        MentorRuntime build() throws ContentException;
    }

    /** Builds the command set over a runtime. */
    @FunctionalInterface
    interface CommandsBuilder {
        Commands over(MentorRuntime runtime);
    }

    /**
     * What one reload did.
     *
     * @param ok        whether the new content is in service
     * @param message   what to tell the operator
     * @param documents passages indexed in the content now in service
     */
    record Result(boolean ok, String message, int documents) {
    }

    private final RuntimeBuilder runtimes;
    private final CommandsBuilder commands;
    private final ServingCore serving;
    private final AtomicReference<MentorRuntime> current;
    private final Counter succeeded;
    private final Counter failed;

    ContentReloader(MentorRuntime initial, RuntimeBuilder runtimes, CommandsBuilder commands, ServingCore serving,
                    MeterRegistry registry) {
        this.runtimes = runtimes;
        this.commands = commands;
        this.serving = serving;
        this.current = new AtomicReference<>(initial);
        Gauge.builder("mentor.content.documents", current, c -> c.get().index().passages().size())
                .description("Passages indexed in the content in service").register(registry);
        this.succeeded = Counter.builder("mentor.content.reloads").tag("result", "ok")
                .description("Content reloads").register(registry);
        this.failed = Counter.builder("mentor.content.reloads").tag("result", "failed")
                .description("Content reloads").register(registry);
    }

    /** The runtime in service. */
    MentorRuntime current() {
        return current.get();
    }

    /** Rebuilds and swaps; one reload at a time, so two quick changes cannot swap out of order. */
    synchronized Result reload() {
        MentorRuntime next;
        try {
            next = runtimes.build();
        } catch (ContentException e) {
            failed.increment();
            LOG.error("content reload failed, still serving the previous content: {}", e.getMessage());
            return new Result(false, "Content not reloaded; still serving the previous content. " + e.getMessage(),
                    current.get().index().passages().size());
        } catch (RuntimeException e) {
            failed.increment();
            LOG.error("content reload failed, still serving the previous content", e);
            return new Result(false, "Content not reloaded; still serving the previous content. " + e,
                    current.get().index().passages().size());
        }
        serving.swap(commands.over(next));
        current.set(next);
        succeeded.increment();
        int documents = next.index().passages().size();
        LOG.info("content reloaded: {} passages indexed in {} ms", documents, next.buildMillis());
        return new Result(true, "Content reloaded: " + documents + " passages indexed in " + next.buildMillis() + " ms.",
                documents);
    }
}
