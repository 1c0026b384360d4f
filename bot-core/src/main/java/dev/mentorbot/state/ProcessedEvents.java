package dev.mentorbot.state;

import java.time.Duration;

/**
 * Platform events already handled, so that a retried delivery (Slack resends an event it thinks
 * was lost; a gateway replays after a reconnect) is not answered twice, even by another instance.
 */
public interface ProcessedEvents {

    /**
     * Atomically marks {@code key} as processed for {@code ttl} and returns {@code true}, unless it
     * is already marked and not yet expired, in which case it returns {@code false} and changes
     * nothing. Of several concurrent calls with the same key exactly one returns {@code true}.
     *
     * @param key an id unique per event, e.g. {@code slack:T123:Ev456}
     * @param ttl how long retries of the event are to be expected; must be positive
     */
    boolean markIfNew(String key, Duration ttl);

    /** Deletes the marks that have expired and returns how many there were. */
    int purgeExpired();
}
