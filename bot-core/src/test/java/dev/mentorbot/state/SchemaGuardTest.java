package dev.mentorbot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up looks before it writes: a database from a newer release, or another application's,
 * is refused with one message and left byte for byte as it was (journal mode and permissions too).
 */
final class SchemaGuardTest {
    @TempDir
    Path temp;

    @Test
    void aSqliteDatabaseMigratedByANewerReleaseIsRefusedAndLeftAsItWas() throws Exception {
        Path dataDirectory = temp.resolve("data");
        try (Database db = Database.open(DatabaseSettings.sqlite(dataDirectory))) {
            db.progress().set(StateContractTest.ALICE, "git", "install", true, StateContractTest.T0);
        }
        Path file = dataDirectory.resolve(DatabaseSettings.Sqlite.FILE_NAME);
        sql(file, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (90, '90', 'from the future', 'SQL',"
                + " 'V90__from_the_future.sql', 1, 'test', 1, 1)");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        String before = sha256(file);
        List<String> filesBefore = fileNames(dataDirectory);
        assertThat(filesBefore).as("the last connection folded the log into the file").contains("mentor-bot.db")
                .doesNotContain("mentor-bot.db-wal");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.sqlite(dataDirectory)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.SCHEMA_MISMATCH);
                    assertThat(e.getMessage()).isEqualTo("The SQLite database " + file + " has schema version 90, newer"
                            + " than this release of mentor-bot knows (" + KnownMigrations.latest() + "); nothing was"
                            + " changed. A newer release has used it: run that release, or restore a backup taken"
                            + " before the upgrade.");
                });

        assertThat(sha256(file)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        // A reader of a WAL database may create SQLite's shared-memory index and an empty log; nothing goes into either.
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        assertThat(Files.exists(wal) ? Files.size(wal) : 0).as("nothing logged for the file").isZero();
        assertThat(fileNames(dataDirectory)).containsAll(filesBefore);
        assertThat(query(file, "SELECT COUNT(*) FROM checklist_progress")).isEqualTo("1");
    }

    @Test
    void aSqliteFileOfAnotherApplicationIsRefusedBeforeAnythingChanges() throws Exception {
        Path dataDirectory = Files.createDirectory(temp.resolve("data"));
        Path file = dataDirectory.resolve(DatabaseSettings.Sqlite.FILE_NAME);
        sql(file, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)",
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO invoices VALUES (1, 9.5)");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        String before = sha256(file);

        assertThatThrownBy(() -> Database.open(DatabaseSettings.sqlite(dataDirectory)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.SCHEMA_MISMATCH);
                    assertThat(e.getMessage()).isEqualTo("The SQLite database " + file + " already holds tables that"
                            + " are not mentor-bot's (customers, invoices); nothing was changed. Choose another data"
                            + " directory (--data-dir), or move the file away.");
                });

        assertThat(sha256(file)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
        assertThat(fileNames(dataDirectory)).as("no -wal, -shm or lock file").containsExactly(file.getFileName().toString());
        assertThat(query(file, "PRAGMA journal_mode")).isEqualTo("delete");
    }

    @Test
    void aPostgresDatabaseMigratedByANewerReleaseIsRefusedWithoutNewRows() throws Exception {
        DatabaseSettings.Postgres settings = EmbeddedPostgresServer.newDatabase();
        try (Database db = Database.open(settings)) {
            db.progress().set(StateContractTest.ALICE, "git", "install", true, StateContractTest.T0);
        }
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (90, '90', 'from the future', 'SQL',"
                    + " 'V90__from_the_future.sql', 1, 'test', 1, true)");
        }

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.SCHEMA_MISMATCH);
                    assertThat(e.getMessage()).startsWith("The " + settings.description() + " has schema version 90,");
                });
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(KnownMigrations.versions().size() + 1);
        }
    }

    @Test
    void theShippedMigrationsAreKnownInOrder() {
        assertThat(KnownMigrations.versions()).hasSizeGreaterThanOrEqualTo(3).isSorted();
        assertThat(KnownMigrations.versions().get(0).getVersion()).isEqualTo("1");
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String query(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> fileNames(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(NativeFiles.FOLDER)).sorted().toList();
        }
    }
}
