package dev.mentorbot.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the HikariCP pool over a checked {@link Backend}. */
final class ConnectionPool {
    /** Generous: under SQLite, all writers queue for the one connection. */
    private static final long SQLITE_CONNECTION_TIMEOUT_MS = 30_000;
    /**
     * Short: with several connections a PostgreSQL request waits only when the server is gone, and
     * then a member should hear so in seconds rather than after half a minute.
     */
    private static final long POSTGRES_CONNECTION_TIMEOUT_MS = 3_000;

    private ConnectionPool() {
    }

    static HikariDataSource open(Backend backend) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("mentor-bot-" + backend.kind().name().toLowerCase(java.util.Locale.ROOT));
        config.setDataSource(backend.dataSource());
        config.setMaximumPoolSize(backend.poolSize());
        // Keep one connection warm; more are opened on demand, so an idle instance does not hold
        // a shared PostgreSQL server's connection slots.
        config.setMinimumIdle(1);
        config.setConnectionTimeout(backend.kind() == Backend.Kind.SQLITE
                ? SQLITE_CONNECTION_TIMEOUT_MS : POSTGRES_CONNECTION_TIMEOUT_MS);
        // A broken connection is noticed within this when it is borrowed, and replaced.
        config.setValidationTimeout(POSTGRES_CONNECTION_TIMEOUT_MS / 2);
        config.setAutoCommit(true);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw backend.failures().translate("open a connection pool", e);
        }
    }
}
