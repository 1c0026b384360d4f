package dev.mentorbot.serve;

import dev.mentorbot.ask.FeedbackCommand;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Reply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the core counts, by platform: questions answered and declined, answer latency, feedback
 * votes, rate-limited requests and errors. Names follow Micrometer's dotted style; a Prometheus
 * registry exposes them as {@code mentor_questions_total}, {@code mentor_answer_latency_seconds}
 * and so on.
 */
public final class CoreMetrics {
    private final MeterRegistry registry;

    public CoreMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics nobody reads (the console, tests that do not look). */
    public static CoreMetrics discarded() {
        return new CoreMetrics(new SimpleMeterRegistry());
    }

    /** The registry the meters live in, for the other parts of the app to add theirs. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Records one served request: its latency, and what kind of reply it got. */
    void served(CommandRequest request, Reply reply, long nanos) {
        String platform = request.member().platform();
        Timer.builder("mentor.answer.latency").description("Time to build a reply, by platform and command")
                .tag("platform", platform).tag("command", request.command())
                // Buckets from 1 ms to 10 s: answers take milliseconds, and slower is already an incident.
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        switch (reply.kind()) {
            case ANSWER, DECLINED -> counter("mentor.questions", "Questions answered or declined",
                    platform, "outcome", reply.kind() == Reply.Kind.ANSWER ? "answered" : "declined").increment();
            case ERROR -> counter("mentor.errors", "Requests that got an error reply", platform, "command",
                    request.command()).increment();
            default -> { }
        }
        if (request.command().equals("feedback") && reply.answered()) {
            vote(request).ifPresent(v -> counter("mentor.feedback", "Feedback votes recorded", platform,
                    "vote", v).increment());
        }
    }

    /** Records a request refused by a rate limit. */
    void limited(CommandRequest request, RateLimiter.Scope scope) {
        counter("mentor.rate.limited", "Requests refused by a rate limit", request.member().platform(),
                "scope", scope.name().toLowerCase(Locale.ROOT)).increment();
    }

    private Counter counter(String name, String description, String platform, String key, String value) {
        return Counter.builder(name).description(description).tag("platform", platform).tag(key, value)
                .register(registry);
    }

    /** The vote of a feedback request that the core accepted: helpful or not_helpful. */
    private static Optional<String> vote(CommandRequest request) {
        return request.option("vote").flatMap(FeedbackCommand::helpful).map(h -> h ? "helpful" : "not_helpful");
    }
}
