package dev.mentorbot.state;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Turns driver exceptions into {@link StateException}s with one clear message. SQLite reports
 * result codes, PostgreSQL SQL states; the messages name the database but never a password.
 */
final class SqlFailures {
    private enum Dialect { SQLITE, POSTGRESQL }

    // SQLite primary result codes (https://www.sqlite.org/rescode.html).
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private final Dialect dialect;
    private final String database;
    private final String user;
    private final Duration busyTimeout;

    private SqlFailures(Dialect dialect, String database, String user, Duration busyTimeout) {
        this.dialect = dialect;
        this.database = database;
        this.user = user;
        this.busyTimeout = busyTimeout;
    }

    static SqlFailures sqlite(String databaseFile, Duration busyTimeout) {
        return new SqlFailures(Dialect.SQLITE, databaseFile, null, busyTimeout);
    }

    static SqlFailures postgres(String redactedUrl, String user) {
        return new SqlFailures(Dialect.POSTGRESQL, redactedUrl, user, null);
    }

    /** Translates {@code failure} (or the SQL exception inside it) met while trying to {@code action}. */
    StateException translate(String action, Exception failure) {
        if (failure instanceof StateException already) {
            return already;
        }
        SQLException sql = findSqlException(failure);
        if (sql == null) {
            return new StateException(StateException.Reason.STORAGE_FAILURE,
                    "Could not " + action + " in " + describe() + ": " + firstLine(failure.getMessage()), failure);
        }
        return dialect == Dialect.SQLITE ? sqlite(action, sql, failure) : postgres(action, sql, failure);
    }

    StateException corrupt(String detail) {
        return new StateException(StateException.Reason.DATABASE_CORRUPT, corruptMessage(detail));
    }

    private StateException sqlite(String action, SQLException sql, Exception failure) {
        if (sql instanceof SQLTransientConnectionException) {
            // The pool's one connection stayed busy too long: from the caller's view, the database is busy.
            return new StateException(StateException.Reason.DATABASE_BUSY,
                    "The " + describe() + " is too busy: no connection became free in time. Try again.", failure);
        }
        switch (sql.getErrorCode() & 0xff) {
            case SQLITE_BUSY:
            case SQLITE_LOCKED:
                return new StateException(StateException.Reason.DATABASE_BUSY,
                        "The " + describe() + " is locked by another process (waited " + busyTimeout.toMillis()
                                + " ms). Stop the other mentor-bot instance that uses this data directory, "
                                + "or use PostgreSQL to run several instances.", failure);
            case SQLITE_CORRUPT:
            case SQLITE_NOTADB:
                return new StateException(StateException.Reason.DATABASE_CORRUPT,
                        corruptMessage(firstLine(sql.getMessage())), failure);
            case SQLITE_READONLY:
            case SQLITE_CANTOPEN:
                return new StateException(StateException.Reason.NOT_WRITABLE,
                        "Cannot open the " + describe() + " for writing: check that this user may read and "
                                + "write the file and its directory.", failure);
            case SQLITE_FULL:
                return new StateException(StateException.Reason.STORAGE_FAILURE,
                        "Could not " + action + ": the " + describe() + " is full (its disk, or the size limit "
                                + "storage.max-size-mb).", failure);
            case SQLITE_IOERR:
                return new StateException(StateException.Reason.STORAGE_FAILURE,
                        "Could not " + action + ": I/O error on the " + describe() + " ("
                                + firstLine(sql.getMessage()) + ").", failure);
            default:
                return new StateException(StateException.Reason.STORAGE_FAILURE,
                        "Could not " + action + " in the " + describe() + ": " + firstLine(sql.getMessage()), failure);
        }
    }

    private StateException postgres(String action, SQLException sql, Exception failure) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.startsWith("28")) {
            return new StateException(StateException.Reason.AUTHENTICATION_FAILED,
                    "The " + describe() + " refused the login" + (user == null ? "" : " of user '" + user + "'")
                            + ": check the user name and password.", failure);
        }
        if (state.equals("3D000")) {
            return new StateException(StateException.Reason.INVALID_SETTINGS,
                    "The " + describe() + " does not exist: create it, or fix the database name in the URL.", failure);
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
            return new StateException(StateException.Reason.CONNECTION_FAILED,
                    "Cannot reach the " + describe() + " (" + connectionProblem(sql) + "): check the host, "
                            + "the port and that the server is running.", failure);
        }
        return new StateException(StateException.Reason.STORAGE_FAILURE,
                "Could not " + action + " in the " + describe() + ": " + firstLine(sql.getMessage()), failure);
    }

    private String corruptMessage(String detail) {
        return "The " + describe() + " is damaged or is not a database (" + detail + "). It was left "
                + "untouched: restore it from a backup, or move it away to start with an empty one.";
    }

    private static String connectionProblem(SQLException sql) {
        for (Throwable t = sql; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                // The driver takes //user:password@host for a host name and quotes it whole.
                return "unknown host " + JdbcUrls.redactHost(t.getMessage());
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
        }
        return firstLine(sql.getMessage());
    }

    private String describe() {
        return (dialect == Dialect.SQLITE ? "SQLite database " : "PostgreSQL database ") + database;
    }

    private static SQLException findSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** A driver's message, first line only, with any URL credentials in it masked: drivers quote URLs. */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String trimmed = JdbcUrls.redact(message.strip());
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
