package dev.mentorbot.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens the SQLite file and checks, before anything writes, that it is sound and mentor-bot's.
 * Start-up takes no write lock when the schema is current, so a console read works while another
 * process is in the middle of a write.
 */
final class SqliteBackend {
    /**
     * One connection: SQLite has a single writer anyway, and queueing in the pool is fair and
     * cheap, whereas several connections would spin in SQLite's busy handler against each other.
     */
    private static final int POOL_SIZE = 1;
    /** One problem is enough to refuse the file; a few more tell the admin how bad it is. */
    private static final int PROBLEMS_TO_REPORT = 10;
    /** Processes started together queue on the migration lock, not here; see {@link MigrationLock}. */
    private static final Duration MIGRATION_BUSY_TIMEOUT = Duration.ofSeconds(60);
    /** Next to the database file: {@code mentor-bot.db.migration-lock}. */
    static final String MIGRATION_LOCK_SUFFIX = ".migration-lock";
    private static final int DEFAULT_PAGE_SIZE = 4096;

    private SqliteBackend() {
    }

    static Backend prepare(DatabaseSettings.Sqlite settings) {
        NativeFiles.under(settings.dataDirectory());
        Path file = SqliteFiles.prepare(settings.dataDirectory(), DatabaseSettings.Sqlite.FILE_NAME);
        SqlFailures failures = SqlFailures.sqlite(file.toString(), settings.busyTimeout());
        String url = "jdbc:sqlite:" + file;
        // Created here, after NativeFiles chose where the driver unpacks its library.
        org.sqlite.JDBC driver = new org.sqlite.JDBC();
        // Look first, read-only and without the pragmas below (setting WAL mode alone rewrites the
        // header): a file that is damaged, someone else's, or from a newer release is left as it was.
        SchemaState schema;
        int pageSize;
        DriverDataSource lookOnly = new DriverDataSource(driver, url, readOnly(settings).toProperties());
        try (Connection connection = lookOnly.getConnection()) {
            // quick_check skips the index-content cross checks of integrity_check: fast enough for every start.
            List<String> problems = check(connection, "PRAGMA quick_check(" + PROBLEMS_TO_REPORT + ")");
            if (!problems.isEmpty()) {
                throw failures.corrupt(summary(problems));
            }
            schema = SchemaHistory.inspect(connection, Backend.Kind.SQLITE);
            pageSize = pageSize(connection);
        } catch (SQLException | RuntimeException e) {
            throw failures.translate("open the database", e);
        }
        SchemaHistory.refuseUnusable(schema, Backend.Kind.SQLITE, settings.description());
        SqliteFiles.restrict(file);
        DriverDataSource dataSource = new DriverDataSource(driver, url,
                config(settings, settings.busyTimeout(), pageSize).toProperties());
        // Migrating processes queue on a file lock; the busy timeout only has to outlast another
        // process's ordinary write, but a start-up should not fail for a slow one.
        Backend.Migration migration = new Backend.Migration(
                new DriverDataSource(driver, url, config(settings, MIGRATION_BUSY_TIMEOUT, pageSize).toProperties()),
                SqlFailures.sqlite(file.toString(), MIGRATION_BUSY_TIMEOUT),
                file.resolveSibling(DatabaseSettings.Sqlite.FILE_NAME + MIGRATION_LOCK_SUFFIX));
        return new Backend(Backend.Kind.SQLITE, settings.description(), dataSource, failures, POOL_SIZE, schema, migration);
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

    /** Reads only: no journal mode, no pragma that writes, and never creates the file. */
    private static SQLiteConfig readOnly(DatabaseSettings.Sqlite settings) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        return config;
    }

    private static int pageSize(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA page_size")) {
            return result.next() ? result.getInt(1) : DEFAULT_PAGE_SIZE;
        }
    }

    private static SQLiteConfig config(DatabaseSettings.Sqlite settings, Duration busyTimeout, int pageSize) {
        SQLiteConfig config = new SQLiteConfig();
        if (settings.maxSizeBytes() > 0) {
            // A per-connection cap: past it SQLite answers SQLITE_FULL, exactly as on a full disk.
            long pages = Math.max(1, settings.maxSizeBytes() / Math.max(pageSize, 512));
            config.setMaxPageCount((int) Math.min(Integer.MAX_VALUE, pages));
        }
        // WAL: readers do not block the writer, and a killed process leaves a log SQLite replays.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode survives a killed process (committed pages are in the log); only an
        // OS crash or power loss can drop the latest commits. FULL would fsync every vote.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout((int) busyTimeout.toMillis());
        // Deleted rows are overwritten with zeros instead of lingering in free pages, where a byte
        // search of the file would still find a forgotten member (see Erasure for the -wal file).
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        // The file was created with owner-only permissions beforehand; if it vanished since, fail
        // rather than let SQLite create a fresh one with the umask's permissions.
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        return config;
    }
}
