package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup FILE}: a consistent, owner-only copy of the SQLite database, taken while another
 * connection keeps writing, that opens on its own and passes SQLite's integrity check.
 */
class BackupCliTest {
    private static final int BEFORE = 300;

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileTheBotWritesHoldsEveryCommittedRowAndPassesTheIntegrityCheck() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("mentor-bot-backup.db");
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int duringBackup;
        try (Database db = Database.open(DatabaseSettings.sqlite(data))) {
            for (int i = 0; i < BEFORE; i++) {
                tick(db, i);
                written.incrementAndGet();
            }
            // The bot's own connection keeps ticking items, one commit each, throughout the backup.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = BEFORE; !stop.get(); i++) {
                    tick(db, i);
                    written.incrementAndGet();
                }
            });
            int atStart = written.get();
            Cli.Result r = Cli.run("--data-dir", data.toString(), "backup", backup.toString());
            duringBackup = written.get() - atStart;
            stop.set(true);
            writer.get(30, TimeUnit.SECONDS);

            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).matches("Backed up " + java.util.regex.Pattern.quote(
                    data.resolve("mentor-bot.db").toAbsolutePath().toString()) + " to .*mentor-bot-backup\\.db "
                    + "\\(\\d+ KB, integrity check ok\\)\\.\\n");
            assertThat(r.err()).isEmpty();
        }
        assertThat(duringBackup).as("the writer was committing while the backup ran").isPositive();
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.exists(Path.of(backup + "-wal"))).as("the copy stands alone").isFalse();

        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement s = copy.createStatement()) {
            try (ResultSet ok = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(ok.next()).isTrue();
                assertThat(ok.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rows = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT item_id) FROM checklist_progress")) {
                rows.next();
                int count = rows.getInt(1);
                assertThat(count).as("every row committed before the backup, and no more than were ever written")
                        .isBetween(BEFORE, written.get());
                assertThat(rows.getInt(2)).isEqualTo(count);
            }
            try (ResultSet first = s.executeQuery("SELECT done FROM checklist_progress WHERE item_id = 'item-0'")) {
                assertThat(first.next()).isTrue();
                assertThat(first.getBoolean(1)).isTrue();
            }
        }
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndAMissingDatabaseOrFolderIsNamed() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(DatabaseSettings.sqlite(data))) {
            tick(db, 1);
        }
        Path existing = Files.writeString(dir.resolve("keep.db"), "precious");

        Cli.Result exists = Cli.run("--data-dir", data.toString(), "backup", existing.toString());
        assertThat(exists.exit()).isEqualTo(2);
        assertThat(exists.err()).isEqualTo("Cannot back up: " + existing
                + " already exists: a backup never overwrites a file, choose a new name\n");
        assertThat(Files.readString(existing)).isEqualTo("precious");

        Path noFolder = dir.resolve("missing").resolve("b.db");
        Cli.Result folder = Cli.run("--data-dir", data.toString(), "backup", noFolder.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).isEqualTo("Cannot back up: the folder " + noFolder.getParent() + " does not exist\n");

        Path empty = dir.resolve("empty");
        Cli.Result none = Cli.run("--data-dir", empty.toString(), "backup", dir.resolve("c.db").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("Cannot back up: there is no database at "
                + empty.resolve("mentor-bot.db").toAbsolutePath() + " yet: nothing to back up\n");
        assertThat(Files.exists(dir.resolve("c.db"))).as("no stray file left behind").isFalse();
        assertThat(Files.exists(empty)).as("a backup creates no database").isFalse();
        exists.assertNoStackTrace();
        folder.assertNoStackTrace();
        none.assertNoStackTrace();
    }

    @Test
    void postgresIsPointedToPgDumpWithoutItsPassword() {
        Cli.Result r = Cli.runWithEnv(Map.of("MENTOR_BOT_DB_URL", "jdbc:postgresql://mentor:S3cretPw@db.example:5432/mentor"),
                "backup", dir.resolve("pg.db").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("The database is PostgreSQL (jdbc:postgresql://mentor:****@db.example:5432/mentor): "
                + "back it up with pg_dump").doesNotContain("S3cretPw");
        assertThat(Files.exists(dir.resolve("pg.db"))).isFalse();
        r.assertNoStackTrace();
    }

    private static void tick(Database db, int i) {
        db.progress().set(MemberId.console("member-" + (i % 7)), "math", "item-" + i, true, Instant.now());
    }
}
