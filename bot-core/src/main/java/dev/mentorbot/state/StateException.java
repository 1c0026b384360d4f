package dev.mentorbot.state;

import java.util.Objects;

/**
 * A storage failure, with one message meant for the person running the bot (no stack trace
 * needed to act on it) and a {@link Reason} for callers that map failures to exit codes or replies.
 *
 * <p>Messages never contain a database password.
 */
public final class StateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely; the message says what to do about it. */
    public enum Reason {
        /** The data directory or the database file cannot be created or written. */
        NOT_WRITABLE,
        /** Another process holds a lock on the database for longer than the busy timeout. */
        DATABASE_BUSY,
        /** The database file is not a database or fails its integrity check. */
        DATABASE_CORRUPT,
        /** The settings themselves are wrong: not a PostgreSQL URL, no such database. */
        INVALID_SETTINGS,
        /** The database server cannot be reached: wrong host or port, server down. */
        CONNECTION_FAILED,
        /** The database server refused the user name or password. */
        AUTHENTICATION_FAILED,
        /** The schema in the database does not match the migrations of this version. */
        SCHEMA_MISMATCH,
        /** Anything else: disk full, I/O error, a failing statement. */
        STORAGE_FAILURE
    }

    private final Reason reason;

    StateException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    StateException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** Returns the coarse kind of failure. */
    public Reason reason() {
        return reason;
    }
}
