package dev.mentorbot.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned migrations in {@code db/migration} at start-up, only when the database
 * needs them. Applying them again is a no-op; instances starting together are serialised by a
 * file lock on SQLite and by Flyway's lock on PostgreSQL.
 */
final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    static final String LOCATION = "classpath:db/migration";
    /** Long enough for several processes' migrations in turn on a slow, shared machine. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(120);

    private SchemaMigrations() {
    }

    /**
     * Brings the schema up to date. A database that was current when start-up looked at it is not
     * touched: no Flyway, no lock, no write. On SQLite, processes that must migrate take turns
     * (see {@link MigrationLock}) and each looks again once it has the lock.
     */
    static void apply(Backend backend) {
        if (!backend.schema().needsMigration()) {
            return;
        }
        Backend.Migration migration = backend.migration();
        if (migration.lockFile() == null) {
            migrate(backend, migration);
            return;
        }
        try (MigrationLock lock = MigrationLock.acquire(migration.lockFile(), LOCK_WAIT, backend.description())) {
            SchemaState now;
            try (Connection connection = migration.dataSource().getConnection()) {
                now = SchemaHistory.inspect(connection, backend.kind());
            } catch (SQLException e) {
                throw migration.failures().translate("apply the schema migrations", e);
            }
            SchemaHistory.refuseUnusable(now, backend.kind(), backend.description());
            if (now.needsMigration()) {
                migrate(backend, migration);
            }
        }
    }

    private static void migrate(Backend backend, Backend.Migration migration) {
        try {
            MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(migration.dataSource())
                    // Log where the application logs; left to itself Flyway may pick java.util.logging.
                    .loggers("slf4j")
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Applied {} schema migration(s) to {}; schema version is now {}",
                        result.migrationsExecuted, backend.description(), result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            if (hasSqlCause(e)) {
                throw migration.failures().translate("apply the schema migrations", e);
            }
            throw new StateException(StateException.Reason.SCHEMA_MISMATCH,
                    "The schema of the " + backend.description() + " does not match this version of mentor-bot: "
                            + firstLine(e.getMessage()), e);
        }
    }

    private static boolean hasSqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        // Flyway quotes the connection's URL in some messages.
        String trimmed = JdbcUrls.redact(message.strip());
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
