package dev.mentorbot.state;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned migrations in {@code db/migration} at start-up. Applying them again is a
 * no-op, and two instances starting together are serialised by Flyway's lock.
 */
final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {
    }

    static void apply(Backend backend) {
        try {
            MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(backend.dataSource())
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
                throw backend.failures().translate("apply the schema migrations", e);
            }
            if (String.valueOf(e.getMessage()).contains("non-empty schema")) {
                // Flyway's own hint (baseline) would adopt someone else's tables: say what to do instead.
                throw new StateException(StateException.Reason.SCHEMA_MISMATCH,
                        "The " + backend.description() + " already holds tables that are not mentor-bot's; nothing "
                                + "was changed. Use an empty database (on PostgreSQL, a schema of its own also works: "
                                + "add currentSchema=mentor_bot to the URL).", e);
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
