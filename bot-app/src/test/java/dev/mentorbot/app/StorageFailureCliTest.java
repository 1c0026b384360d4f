package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The members' database in states the bot must survive or refuse, through the real command line:
 * full (answers go on, one warning), from a newer release or another application (refused, one
 * line, exit 2, the file unchanged).
 */
class StorageFailureCliTest {
    private static final String QUESTION = "how much do ml engineers earn";

    @TempDir
    Path dir;

    @Test
    void aFullDatabaseStillAnswersAndWarnsOnceThatTheQuestionWasNotLogged() throws Exception {
        Path data = dir.resolve("data");
        assertThat(Cli.run("--data-dir", data.toString(), "--lexical-only", "tick", "math", "1").exit()).isZero();
        Path file = data.resolve("mentor-bot.db");
        fillTo(file, 1024 * 1024);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MENTOR_BOT_DB_MAX_SIZE_MB", "1");
        env.remove("MENTOR_BOT_CONFIG");

        Cli.Result asked = Cli.runWithEnv(env, "--data-dir", data.toString(), "--lexical-only", "ask", QUESTION);

        assertThat(asked.exit()).as(asked.toString()).isZero();
        assertThat(asked.out()).contains("$");
        String warnings = asked.err() + asked.systemErr();
        // (The test classpath also logs the pool's info lines; the jar does not.)
        assertThat(warnings.lines().filter(l -> !l.isBlank() && !l.contains(" INFO ")).toList()).as(asked.toString())
                .hasSize(1);
        assertThat(warnings).contains("the question could not be logged").contains("is full");
        asked.assertNoStackTrace();

        Cli.Result checklist = Cli.runWithEnv(env, "--data-dir", data.toString(), "--lexical-only", "checklist", "math");
        assertThat(checklist.exit()).as("reads still work").isZero();
        assertThat(checklist.out()).contains("1/");
    }

    @Test
    void aDatabaseFromANewerReleaseIsRefusedInOneLineAndLeftAsItWas() throws Exception {
        Path data = dir.resolve("data");
        assertThat(Cli.run("--data-dir", data.toString(), "--lexical-only", "tick", "math", "1").exit()).isZero();
        Path file = data.resolve("mentor-bot.db");
        sql(file, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (90, '90', 'later', 'SQL', 'V90__later.sql', 1, 'x', 1, 1)");
        String before = sha256(file);

        Cli.Result r = Cli.run("--data-dir", data.toString(), "--lexical-only", "checklist", "math");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("Cannot use the database: The SQLite database "
                + file.toAbsolutePath().normalize() + " has schema version 90, newer than this release of mentor-bot knows (");
        r.assertNoStackTrace();
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void aFileOfAnotherApplicationIsRefusedInOneLineAndLeftAsItWas() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path file = data.resolve("mentor-bot.db");
        sql(file, "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)", "INSERT INTO photos VALUES (1, 'a.jpg')");
        String before = sha256(file);

        Cli.Result r = Cli.run("--data-dir", data.toString(), "--lexical-only", "progress");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("Cannot use the database: The SQLite database " + file.toAbsolutePath().normalize()
                + " already holds tables that are not mentor-bot's (photos); nothing was changed. Choose another data"
                + " directory (--data-dir), or move the file away.");
        assertThat(sha256(file)).isEqualTo(before);
    }

    /** Logs questions straight into the file until it holds {@code bytes}, as months of use would. */
    private static void fillTo(Path file, long bytes) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA max_page_count = " + bytes / 4096);
            // Large rows first, then ever smaller ones, so that no page keeps room for the small
            // row an answered question adds: the file is full, not merely at its size.
            int row = 0;
            for (int repeat : new int[] {20, 1, 0}) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO question_log (id, question_hash,"
                        + " question_text, answered, top_source_id, score, platform, asked_at)"
                        + " VALUES (?, 'h', ?, 1, NULL, 0.5, 'console', 0)")) {
                    while (true) {
                        insert.setString(1, "filler-" + row++);
                        insert.setString(2, "what does an ML engineer do all day? ".repeat(repeat));
                        insert.executeUpdate();
                    }
                } catch (SQLException full) {
                    assertThat(full.getMessage()).contains("full");
                }
            }
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static void sql(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
