package dev.mentorbot.state;

import javax.sql.DataSource;

/**
 * A database that passed the start-up checks: how to connect to it (unpooled), how to report its
 * failures, and how large a pool it wants.
 */
record Backend(Kind kind, String description, DataSource dataSource, SqlFailures failures, int poolSize) {
    /** Which database this is; the SQL is the same, the checks and the pool are not. */
    enum Kind { SQLITE, POSTGRESQL }
}
