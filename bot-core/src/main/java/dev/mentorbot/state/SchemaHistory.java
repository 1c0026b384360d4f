package dev.mentorbot.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Reads, without writing, which tables a database holds and which migrations its history records,
 * and refuses a database that is not ours or that a newer release has migrated. Flyway alone would
 * decide these only after taking its lock and setting the connection up, which already changes an
 * SQLite file; and by default it silently accepts migrations it does not know.
 */
final class SchemaHistory {
    /** Flyway's default history table; PostgreSQL folds the name to lower case, as written here. */
    static final String TABLE = "flyway_schema_history";
    private static final String SQLITE_TABLES =
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
    private static final String POSTGRES_TABLES = "SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = current_schema() ORDER BY table_name";
    private static final String APPLIED = "SELECT version, success FROM " + TABLE + " WHERE version IS NOT NULL";
    /** Enough names to recognise the other application by. */
    private static final int TABLES_TO_NAME = 5;

    private SchemaHistory() {
    }

    /** Reads the state of the database behind {@code connection}; only reads. */
    static SchemaState inspect(Connection connection, Backend.Kind kind) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                kind == Backend.Kind.SQLITE ? SQLITE_TABLES : POSTGRES_TABLES);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        if (tables.isEmpty()) {
            return new SchemaState(SchemaState.Status.EMPTY, List.of(), null);
        }
        if (tables.stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).equals(TABLE))) {
            return new SchemaState(SchemaState.Status.FOREIGN,
                    tables.subList(0, Math.min(TABLES_TO_NAME, tables.size())), null);
        }
        Set<MigrationVersion> applied = new HashSet<>();
        boolean failed = false;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(APPLIED)) {
            while (result.next()) {
                applied.add(MigrationVersion.fromVersion(result.getString(1)));
                failed |= !result.getBoolean(2);
            }
        }
        MigrationVersion newest = applied.stream().max(MigrationVersion::compareTo).orElse(null);
        if (newest != null && newest.compareTo(KnownMigrations.latest()) > 0) {
            return new SchemaState(SchemaState.Status.NEWER, List.of(), newest);
        }
        boolean current = !failed && applied.containsAll(KnownMigrations.versions());
        return new SchemaState(current ? SchemaState.Status.CURRENT : SchemaState.Status.BEHIND, List.of(), newest);
    }

    /**
     * Throws, with one message that says what was found and that nothing was changed, when the
     * database must not be used: another application's, or migrated by a newer release.
     */
    static void refuseUnusable(SchemaState state, Backend.Kind kind, String description) {
        if (state.status() == SchemaState.Status.FOREIGN) {
            throw new StateException(StateException.Reason.SCHEMA_MISMATCH,
                    "The " + description + " already holds tables that are not mentor-bot's ("
                            + String.join(", ", state.foreignTables()) + (state.foreignTables().size() == TABLES_TO_NAME
                            ? ", ..." : "") + "); nothing was changed. " + (kind == Backend.Kind.SQLITE
                            ? "Choose another data directory (--data-dir), or move the file away."
                            : "Use an empty database, or a schema of its own: add currentSchema=mentor_bot to the URL."));
        }
        if (state.status() == SchemaState.Status.NEWER) {
            throw new StateException(StateException.Reason.SCHEMA_MISMATCH,
                    "The " + description + " has schema version " + state.applied() + ", newer than this release of "
                            + "mentor-bot knows (" + KnownMigrations.latest() + "); nothing was changed. A newer release "
                            + "has used it: run that release, or restore a backup taken before the upgrade.");
        }
    }
}
