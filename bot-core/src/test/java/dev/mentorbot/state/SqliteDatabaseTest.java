package dev.mentorbot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite file has: permissions, WAL, locks held by others, damaged files. */
final class SqliteDatabaseTest {
    private static final Instant T0 = StateContractTest.T0;
    private static final MemberId ALICE = StateContractTest.ALICE;
    /** Short, so the lock tests do not sit out the default five seconds. */
    private static final Duration SHORT_BUSY_TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path temp;

    @Test
    void createsAnOwnerOnlyDirectoryAndFileInWalMode() throws Exception {
        Path dataDirectory = temp.resolve("home/.local/share/mentor-bot");
        try (Database db = Database.open(DatabaseSettings.sqlite(dataDirectory))) {
            db.progress().set(ALICE, "git", "install", true, T0);

            Path file = dataDirectory.resolve(DatabaseSettings.Sqlite.FILE_NAME);
            assertThat(permissions(dataDirectory)).isEqualTo("rwx------");
            assertThat(permissions(file)).isEqualTo("rw-------");
            Path wal = dataDirectory.resolve(DatabaseSettings.Sqlite.FILE_NAME + "-wal");
            assertThat(wal).exists();
            assertThat(permissions(wal)).as("SQLite copies the file's permissions").isEqualTo("rw-------");
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "busy_timeout")).isEqualTo("5000");
            assertThat(db.integrityCheck().ok()).isTrue();
            assertThat(db.description()).isEqualTo("SQLite database " + file);
        }
    }

    @Test
    void narrowsTheFileToItsOwnerIfItWasOpenedUp() throws Exception {
        Path dataDirectory = temp.resolve("data");
        Database.open(DatabaseSettings.sqlite(dataDirectory)).close();
        Path file = dataDirectory.resolve(DatabaseSettings.Sqlite.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(DatabaseSettings.sqlite(dataDirectory)).close();

        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void aDataDirectoryThatIsAFileIsNotWritable() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("data"), "my notes");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.sqlite(notADirectory)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.NOT_WRITABLE);
                    assertThat(e.getMessage()).isEqualTo("Cannot use the data directory " + notADirectory
                            + ": it exists but is not a directory. Choose a directory this user can create and write to.");
                });
        assertThat(Files.readString(notADirectory)).isEqualTo("my notes");
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNotWritable() throws Exception {
        Files.writeString(temp.resolve("file"), "x");
        Path underAFile = temp.resolve("file/data");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.sqlite(underAFile)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.NOT_WRITABLE);
                    assertThat(e.getMessage()).startsWith("Cannot use the data directory " + underAFile + ": ");
                });
    }

    @Test
    void aReadOnlyDataDirectoryIsNotWritable() throws Exception {
        Path dataDirectory = Files.createDirectory(temp.resolve("read-only"));
        makeReadOnly(dataDirectory);
        try {
            assertThatThrownBy(() -> Database.open(DatabaseSettings.sqlite(dataDirectory)))
                    .isInstanceOfSatisfying(StateException.class, e -> {
                        assertThat(e.reason()).isEqualTo(StateException.Reason.NOT_WRITABLE);
                        assertThat(e.getMessage()).startsWith("Cannot use the data directory " + dataDirectory + ": ")
                                .endsWith("Choose a directory this user can create and write to.");
                    });
        } finally {
            makeWritable(dataDirectory);
        }
    }

    /**
     * Start-up of a current database only reads, so it does not wait for a write lock another
     * process holds; the first write does, and says who to blame.
     */
    @Test
    void opensAndReadsWhileAnotherConnectionHoldsTheWriteLockAndReportsAWriteBusy() throws Exception {
        Path dataDirectory = temp.resolve("data");
        try (Database db = Database.open(DatabaseSettings.sqlite(dataDirectory))) {
            db.progress().set(ALICE, "git", "install", true, T0);
        }
        DatabaseSettings.Sqlite settings = new DatabaseSettings.Sqlite(dataDirectory, SHORT_BUSY_TIMEOUT);

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + settings.databaseFile());
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            lock.execute("INSERT INTO followed_track (platform, workspace, user_id, roadmap_id, followed_at)"
                    + " VALUES ('console', '', 'bob', 'software', 0)");
            try (Database db = Database.open(settings)) {
                assertThat(db.progress().all(ALICE)).hasSize(1);
                assertThatThrownBy(() -> db.progress().set(ALICE, "git", "commit", true, T0))
                        .isInstanceOfSatisfying(StateException.class, e -> {
                            assertThat(e.reason()).isEqualTo(StateException.Reason.DATABASE_BUSY);
                            assertThat(e.getMessage()).isEqualTo("The SQLite database " + settings.databaseFile()
                                    + " is locked by another process (waited 300 ms). Stop the other mentor-bot instance"
                                    + " that uses this data directory, or use PostgreSQL to run several instances.");
                        });
            }
            lock.execute("ROLLBACK");
        }

        try (Database db = Database.open(settings)) {
            assertThat(db.progress().all(ALICE)).hasSize(1);
        }
    }

    @Test
    void aWriteWhileAnotherConnectionHoldsTheLockFailsAsBusy() throws Exception {
        DatabaseSettings.Sqlite settings = new DatabaseSettings.Sqlite(temp.resolve("data"), SHORT_BUSY_TIMEOUT);
        try (Database db = Database.open(settings);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + settings.databaseFile());
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");

            assertThatThrownBy(() -> db.progress().toggle(ALICE, "git", "install", T0))
                    .isInstanceOfSatisfying(StateException.class,
                            e -> assertThat(e.reason()).isEqualTo(StateException.Reason.DATABASE_BUSY));
            assertThat(db.progress().all(ALICE)).as("reads still work in WAL mode").isEmpty();

            lock.execute("ROLLBACK");
            assertThat(db.progress().toggle(ALICE, "git", "install", T0)).isTrue();
        }
    }

    @Test
    void aFileOfRandomBytesIsReportedCorruptAndLeftUntouched() throws Exception {
        Path dataDirectory = Files.createDirectory(temp.resolve("data"));
        Path file = dataDirectory.resolve(DatabaseSettings.Sqlite.FILE_NAME);
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Database.open(DatabaseSettings.sqlite(dataDirectory)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.DATABASE_CORRUPT);
                    assertThat(e.getMessage()).startsWith("The SQLite database " + file + " is damaged or is not a database (")
                            .endsWith("It was left untouched: restore it from a backup, or move it away to start with an empty one.");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(fileNames(dataDirectory)).containsExactly(DatabaseSettings.Sqlite.FILE_NAME);
    }

    @Test
    void aDatabaseWithADamagedPageIsReportedCorruptAndLeftUntouched() throws Exception {
        Path dataDirectory = temp.resolve("data");
        try (Database db = Database.open(DatabaseSettings.sqlite(dataDirectory))) {
            for (int i = 0; i < 2_000; i++) {
                db.questions().record(new LoggedQuestion("question number " + i, "h-" + i, i % 2 == 0, null, 0,
                        "console", T0.plusSeconds(i)));
            }
        }
        Path file = dataDirectory.resolve(DatabaseSettings.Sqlite.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).as("several pages").isGreaterThan(20 * 4096);
        // Leave the header page alone (the file still looks like a database) and scribble over the rest.
        Random random = new Random(7);
        for (int offset = 4096; offset < bytes.length; offset += 4096) {
            for (int i = 0; i < 64; i++) {
                bytes[offset + 8 + random.nextInt(4096 - 8)] = (byte) random.nextInt(256);
            }
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> Database.open(DatabaseSettings.sqlite(dataDirectory)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.DATABASE_CORRUPT);
                    assertThat(e.getMessage()).doesNotContain("\n").endsWith("It was left untouched: restore it "
                            + "from a backup, or move it away to start with an empty one.");
                });
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void aDatabaseOfSomethingElseIsRefusedAndLeftAlone() throws Exception {
        Path dataDirectory = Files.createDirectory(temp.resolve("data"));
        Path file = dataDirectory.resolve(DatabaseSettings.Sqlite.FILE_NAME);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
            statement.execute("INSERT INTO notes VALUES ('keep me')");
        }

        assertThatThrownBy(() -> Database.open(DatabaseSettings.sqlite(dataDirectory)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.SCHEMA_MISMATCH);
                    assertThat(e.getMessage()).startsWith("The SQLite database " + file
                            + " already holds tables that are not mentor-bot's (notes); nothing was changed. Choose another data directory (--data-dir), or move the file away.");
                });
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = other.createStatement();
             ResultSet tables = statement.executeQuery("SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'")) {
            tables.next();
            assertThat(tables.getString(1)).isEqualTo("notes");
        }
    }

    /**
     * Two processes on one file (the bot running, an admin running a console command) each hold
     * their own connection; SQLite's locking, not the pool, must keep their toggles apart.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void twoDatabasesOnOneFileLoseNoToggles() throws Exception {
        DatabaseSettings.Sqlite settings = DatabaseSettings.sqlite(temp.resolve("data"));
        int items = 5;
        AtomicIntegerArray toggles = new AtomicIntegerArray(items);
        try (Database first = Database.open(settings); Database second = Database.open(settings)) {
            List<Database> both = List.of(first, second);
            StateContractTest.runConcurrently(300, (thread, i) -> {
                int item = (thread + i) % items;
                both.get(thread % 2).progress().toggle(ALICE, "race", "item-" + item, T0);
                toggles.incrementAndGet(item);
            });
            for (ItemProgress p : first.progress().checklist(ALICE, "race")) {
                int item = Integer.parseInt(p.itemId().substring("item-".length()));
                assertThat(p.done()).as(p.itemId()).isEqualTo(toggles.get(item) % 2 == 1);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String pragma(Database db, String name) throws Exception {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Permission bits do not stop root; the immutable attribute does, where the test may set it. */
    private static void makeReadOnly(Path directory) throws Exception {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!canWriteIn(directory)) {
            return;
        }
        run("chattr", "+i", directory.toString());
        assumeTrue(!canWriteIn(directory), "cannot make a directory read-only for this user here");
    }

    private static void makeWritable(Path directory) throws Exception {
        run("chattr", "-i", directory.toString());
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    private static boolean canWriteIn(Path directory) {
        try {
            Files.delete(Files.createTempFile(directory, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No chattr here: the assumption above skips the test instead.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
