package dev.mentorbot.state;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A database that passed the start-up checks: how to connect to it (unpooled), how to report its
 * failures, how large a pool it wants, what its schema looked like before anything was written,
 * and how to migrate it if it must be.
 */
record Backend(Kind kind, String description, DataSource dataSource, SqlFailures failures, int poolSize,
               SchemaState schema, Migration migration) {
    /** Which database this is; the SQL is the same, the checks and the pool are not. */
    enum Kind { SQLITE, POSTGRESQL }

    /**
     * How to migrate: connections for Flyway, their failures, and for SQLite the file that
     * migrating processes lock (null on PostgreSQL, where Flyway takes a lock in the server).
     */
    record Migration(DataSource dataSource, SqlFailures failures, Path lockFile) {
    }
}
