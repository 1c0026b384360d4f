package dev.mentorbot.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Builds the HikariCP pool over a checked {@link Backend}. */
final class ConnectionPool {
    /** Generous: under SQLite, all writers queue for the one connection. */
    private static final long CONNECTION_TIMEOUT_MS = 30_000;

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
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setAutoCommit(true);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw backend.failures().translate("open a connection pool", e);
        }
    }
}
