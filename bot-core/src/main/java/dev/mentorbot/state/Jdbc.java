package dev.mentorbot.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Borrows a connection for one unit of work and turns its SQL failures into {@link StateException}s. */
final class Jdbc {
    /** Work done with a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final SqlFailures failures;

    Jdbc(DataSource dataSource, SqlFailures failures) {
        this.dataSource = dataSource;
        this.failures = failures;
    }

    /** Runs {@code work} in auto-commit mode: right for single statements, which are atomic by themselves. */
    <T> T run(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException | RuntimeException e) {
            throw failures.translate(action, e);
        }
    }

    /**
     * Runs {@code work} in one transaction. On SQLite the first statement should write, so that the
     * write lock is taken (waiting out other processes) up front rather than upgraded later.
     */
    <T> T transaction(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            throw failures.translate(action, e);
        }
    }

    /** Binds the member's three parts to parameters {@code first}, {@code first + 1}, {@code first + 2}. */
    static void bindMember(PreparedStatement statement, int first, MemberId member) throws SQLException {
        statement.setString(first, member.platform());
        statement.setString(first + 1, member.workspace());
        statement.setString(first + 2, member.userId());
    }

    /** Times are stored as epoch milliseconds: the one time type SQLite and PostgreSQL agree on. */
    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
