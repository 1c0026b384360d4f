package dev.mentorbot.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opens the SQLite file and checks, before anything writes, that it is sound and not locked. */
final class SqliteBackend {
    /**
     * One connection: SQLite has a single writer anyway, and queueing in the pool is fair and
     * cheap, whereas several connections would spin in SQLite's busy handler against each other.
     */
    private static final int POOL_SIZE = 1;
    /** One problem is enough to refuse the file; a few more tell the admin how bad it is. */
    private static final int PROBLEMS_TO_REPORT = 10;

    private SqliteBackend() {
    }

    static Backend prepare(DatabaseSettings.Sqlite settings) {
        Path file = SqliteFiles.prepare(settings.dataDirectory(), DatabaseSettings.Sqlite.FILE_NAME);
        SqlFailures failures = SqlFailures.sqlite(file.toString(), settings.busyTimeout());
        DriverDataSource dataSource = new DriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite:" + file,
                config(settings).toProperties());
        try (Connection connection = dataSource.getConnection()) {
            // quick_check skips the index-content cross checks of integrity_check: fast enough for every start.
            List<String> problems = check(connection, "PRAGMA quick_check(" + PROBLEMS_TO_REPORT + ")");
            if (!problems.isEmpty()) {
                throw failures.corrupt(summary(problems));
            }
            takeWriteLockBriefly(connection);
        } catch (SQLException | RuntimeException e) {
            throw failures.translate("open the database", e);
        }
        return new Backend(Backend.Kind.SQLITE, settings.description(), dataSource, failures, POOL_SIZE);
    }

    /**
     * Runs an integrity pragma and returns its complaints, one per element; SQLite answers a single
     * "ok" when there are none. A row can hold several lines and a "*** in database main ***" banner.
     */
    static List<String> check(Connection connection, String pragma) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(pragma)) {
            while (result.next()) {
                for (String line : String.valueOf(result.getString(1)).split("\\R")) {
                    if (!line.isBlank() && !line.equals("ok") && !line.startsWith("*** ")) {
                        problems.add(line.strip());
                    }
                }
            }
        }
        return problems;
    }

    private static String summary(List<String> problems) {
        String first = "integrity check: " + problems.get(0);
        return problems.size() == 1 ? first : first + ", and more";
    }

    private static SQLiteConfig config(DatabaseSettings.Sqlite settings) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers do not block the writer, and a killed process leaves a log SQLite replays.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode survives a killed process (committed pages are in the log); only an
        // OS crash or power loss can drop the latest commits. FULL would fsync every vote.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        // Deleted rows are overwritten with zeros instead of lingering in free pages, where a byte
        // search of the file would still find a forgotten member (see Erasure for the -wal file).
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        // The file was created with owner-only permissions beforehand; if it vanished since, fail
        // rather than let SQLite create a fresh one with the umask's permissions.
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        return config;
    }

    /**
     * Takes and releases the write lock, so that a database held by another process is reported
     * at start-up rather than on a member's first tick (in WAL mode reading alone would succeed).
     */
    private static void takeWriteLockBriefly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        }
    }
}
