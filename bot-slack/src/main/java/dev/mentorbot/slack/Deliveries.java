package dev.mentorbot.slack;

import dev.mentorbot.state.ProcessedEvents;
import java.time.Duration;
import java.util.Optional;

/**
 * Which deliveries the bot already answered. Slack redelivers an event it thinks was lost, and a
 * mention in a followed thread arrives twice (as app_mention and as a message, with different
 * event ids): each is claimed in the shared store, so it is answered once.
 */
final class Deliveries {
    /** Slack retries an event for a few minutes; keep its id well beyond that. */
    static final Duration EVENT_TTL = Duration.ofHours(6);

    private final Optional<ProcessedEvents> events;

    Deliveries(Optional<ProcessedEvents> events) {
        this.events = events;
    }

    /** True for the first delivery of an event id. */
    boolean firstDelivery(String team, String eventId) {
        if (eventId == null || events.isEmpty()) {
            return true;
        }
        return events.get().markIfNew("slack:" + (team == null ? "unknown" : team) + ":" + eventId, EVENT_TTL);
    }

    /** Claims a message for one answer, by its channel and ts. */
    boolean claimMessage(String team, String channel, String ts) {
        if (ts == null || channel == null || events.isEmpty()) {
            return true;
        }
        return events.get().markIfNew("slack:" + (team == null ? "unknown" : team) + ":message:" + channel + ":" + ts,
                EVENT_TTL);
    }
}
