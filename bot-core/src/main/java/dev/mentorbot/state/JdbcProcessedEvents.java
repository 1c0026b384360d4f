package dev.mentorbot.state;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@link ProcessedEvents} over the {@code processed_events} table. */
final class JdbcProcessedEvents implements ProcessedEvents {
    // One statement decides: a new key inserts, an expired key is renewed, a live key is left alone
    // (the update's WHERE fails, zero rows change). No window between checking and marking.
    private static final String MARK = "INSERT INTO processed_events (event_key, expires_at) VALUES (?, ?)"
            + " ON CONFLICT (event_key) DO UPDATE SET expires_at = excluded.expires_at"
            + " WHERE processed_events.expires_at <= ?";
    private static final String PURGE = "DELETE FROM processed_events WHERE expires_at <= ?";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcProcessedEvents(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean markIfNew(String key, Duration ttl) {
        Checks.text("key", key, Checks.EVENT_KEY_MAX);
        Checks.notNull("ttl", ttl);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        Instant now = clock.instant();
        return jdbc.run("mark an event as processed", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(MARK)) {
                statement.setString(1, key);
                statement.setLong(2, Jdbc.millis(now.plus(ttl)));
                statement.setLong(3, Jdbc.millis(now));
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        return jdbc.run("purge processed events", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PURGE)) {
                statement.setLong(1, Jdbc.millis(now));
                return statement.executeUpdate();
            }
        });
    }
}
