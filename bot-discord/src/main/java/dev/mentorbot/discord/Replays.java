package dev.mentorbot.discord;

import dev.mentorbot.state.ProcessedEvents;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops events the bot already handled: after a resume the gateway may replay interactions and
 * messages, and each must be answered once. The store is shared, so this holds across instances.
 */
final class Replays {
    private static final Logger LOG = LoggerFactory.getLogger(Replays.class);
    private static final Duration EVENT_TTL = Duration.ofMinutes(15);

    private final Optional<ProcessedEvents> events;

    Replays(Optional<ProcessedEvents> events) {
        this.events = events;
    }

    /** False when this event was already handled. A store that cannot answer lets the event through. */
    boolean firstTime(String kind, String id) {
        if (events.isEmpty()) {
            return true;
        }
        try {
            return events.get().markIfNew("discord:" + kind + ":" + id, EVENT_TTL);
        } catch (RuntimeException e) {
            LOG.warn("discord: could not check event {} against the store: {}", id, e.getMessage());
            return true;
        }
    }
}
