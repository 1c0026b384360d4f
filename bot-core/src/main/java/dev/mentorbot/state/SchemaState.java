package dev.mentorbot.state;

import java.util.List;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What a database holds before start-up touches it, read with a plain query: nothing, someone
 * else's tables, or mentor-bot's schema at some version.
 *
 * @param status        the verdict
 * @param foreignTables for {@link Status#FOREIGN}, the tables found (a few names)
 * @param applied       the newest migration the database records, or null when it records none
 */
record SchemaState(Status status, List<String> foreignTables, MigrationVersion applied) {
    /** What start-up does about the database. */
    enum Status {
        /** No tables at all: a new database, to be migrated. */
        EMPTY,
        /** Tables, but no migration history of ours: another application's database, refused. */
        FOREIGN,
        /** Every migration of this build has been applied, and no newer one: nothing to write. */
        CURRENT,
        /** Some migrations of this build are missing (or one failed): Flyway brings it up to date. */
        BEHIND,
        /** The database records a migration newer than this build knows: refused. */
        NEWER
    }

    SchemaState {
        foreignTables = List.copyOf(foreignTables);
    }

    /** Whether migrations must run (and so write) before the database can be used. */
    boolean needsMigration() {
        return status == Status.EMPTY || status == Status.BEHIND;
    }
}
