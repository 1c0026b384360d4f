package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the console remembers between runs: ticks, progress, forget-me, the report, privacy modes. */
class MemberStateCliTest {
    @TempDir
    Path data;

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--data-dir";
        all[1] = data.toString();
        all[2] = "--lexical-only";
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all).assertNoStackTrace();
    }

    @Test
    void ticksSurviveBetweenRunsAndShowEverywhere() {
        Cli.Result tick = run("tick", "math", "1");
        assertThat(tick.exit()).as(tick.toString()).isZero();
        assertThat(tick.out()).contains("Done: ").contains("1/8 done").contains("[x] ");

        Cli.Result second = run("--user", "ada", "tick", "math-foundations", "math-foundations/gradient-descent");
        assertThat(second.out()).contains("1/8 done");

        Cli.Result checklist = run("checklist", "--json", "math");
        JsonNode items = checklist.json().get("items");
        assertThat(items.get(0).get("done").asBoolean()).isTrue();
        assertThat(items.get(2).get("done").asBoolean()).as("ticked by another user").isFalse();

        assertThat(run("progress").out()).contains("You have ticked 1 checklist item.")
                .contains("Checklist Math foundations: 1/8 done");
        assertThat(run("roadmap", "from", "zero").out()).contains("Your progress: 1/");

        Cli.Result untick = run("untick", "math", "1");
        assertThat(untick.out()).contains("Not done: ").contains("0/8 done");
    }

    @Test
    void unknownItemsAreRefusedWithTheValidChoices() {
        Cli.Result r = run("tick", "math", "99");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'99' is not an item of Math foundations. Use an item id or its number (1-8):")
                .contains("math-foundations/linear-algebra");
        assertThat(run("tick", "cooking", "1").err()).contains("I don't know the topic 'cooking'.");
        assertThat(run("tick", "math").err()).contains("tick needs ITEM.");
    }

    @Test
    void anAdminLooksUpAndForgetsAPlatformMemberWithMember() {
        dev.mentorbot.state.MemberId slackMember = new dev.mentorbot.state.MemberId("slack", "T123", "U456");
        try (dev.mentorbot.state.Database db = dev.mentorbot.state.Database.open(
                dev.mentorbot.state.DatabaseSettings.sqlite(data))) {
            db.progress().set(slackMember, "math-foundations", "linear-algebra", true, java.time.Instant.now());
        }
        assertThat(run("checklist", "math", "--member", "slack:T123:U456").out()).contains("1/8 done").contains("[x] ");
        assertThat(run("progress", "--member", "slack:T123:U456").out()).contains("You have ticked 1 checklist item.");
        // The admin's own console member is someone else.
        assertThat(run("progress").out()).contains("You haven't ticked any checklist item yet.");
        assertThat(run("forget-me", "--member", "slack:T123:U456").out())
                .contains("I store 1 checklist item state and 0 feedback votes about you.");
        assertThat(run("forget-me", "yes", "--member", "slack:T123:U456").out())
                .contains("Deleted 1 checklist item state and 0 feedback votes.");
        assertThat(run("progress", "--member", "slack:T123:U456").out()).contains("You haven't ticked any checklist item yet.");

        assertThat(run("progress", "--member", "discord:42").exit()).isZero();
        Cli.Result bad = run("progress", "--member", "U456");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("--member 'U456' is not a member id; use slack:TEAM:USER, "
                + "discord:GUILD:USER or discord:USER (DMs).");
    }

    @Test
    void forgetMeAsksThenDeletes() {
        run("tick", "math", "1");
        assertThat(run("forget-me").out()).contains("I store 1 checklist item state and 0 feedback votes about you.");
        assertThat(run("forget-me", "yes").out()).contains("Deleted 1 checklist item state and 0 feedback votes.");
        assertThat(run("progress").out()).contains("You haven't ticked any checklist item yet.");
    }

    @Test
    void reportShowsQuestionsGapsAndFeedbackAsTextAndJson() {
        run("ask", "what is kaggle");
        run("ask", "how do I bake sourdough bread");
        Cli.Result chat = Cli.runWithInput("what is kaggle\n/not-helpful\n", "--data-dir", data.toString(),
                "--lexical-only", "chat");
        assertThat(chat.out()).contains("Thanks for telling me.");

        Cli.Result report = run("report");
        assertThat(report.exit()).isZero();
        assertThat(report.out()).contains("Top questions").contains("2x  what is kaggle")
                .contains("Unanswered questions (content gaps)").contains("1x  how do I bake sourdough bread")
                .contains("Answers marked not helpful").contains("1 vote(s)");

        JsonNode json = run("report", "--json").json();
        assertThat(json.get("unanswered").get(0).get("text").asText()).isEqualTo("how do I bake sourdough bread");
        assertThat(json.get("notHelpful")).hasSize(1);
    }

    @Test
    void hashedAndOffModesKeepNoQuestionText() throws Exception {
        run("--log-questions", "hashed", "ask", "what is kaggle");
        run("--log-questions", "off", "ask", "do I need a PhD");
        Cli.Result report = run("report");
        assertThat(report.out()).contains("1x  (hashed ").doesNotContain("what is kaggle").doesNotContain("PhD");
        assertThat(new String(Files.readAllBytes(data.resolve("mentor-bot.db")), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("what is kaggle").doesNotContain("need a PhD");

        Cli.Result bad = run("--log-questions", "everything", "ask", "x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("question logging must be full, hashed or off, not 'everything'");
    }

    @Test
    void aLockedDatabaseIsOneClearMessageAndLosesNothing() throws Exception {
        run("tick", "math", "1");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("mentor-bot.db"));
             Statement s = c.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            Cli.Result locked = run("tick", "math", "2");
            // Start-up only reads, so the write is what waits for the lock; the admin's log says which.
            assertThat(locked.exit()).isEqualTo(2);
            assertThat(locked.err()).startsWith("Sorry, I could not read or save your data just now.");
            assertThat(locked.systemErr()).contains("is locked by another process");
            locked.assertNoStackTrace();
            assertThat(run("checklist", "math").out()).as("a read while the lock is held").contains("1/8 done");
            s.execute("ROLLBACK");
        }
        assertThat(run("checklist", "math").out()).contains("1/8 done");
    }

    @Test
    void aCorruptDatabaseIsReportedAndLeftUntouched() throws Exception {
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Path db = data.resolve("mentor-bot.db");
        Files.write(db, garbage);

        Cli.Result r = run("progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Cannot use the database: ");
        assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
    }

    @Test
    void aWrongPostgresUrlIsOneClearMessageWithoutSecrets() {
        Cli.Result r = run("--db-url", "jdbc:postgresql://127.0.0.1:1/mentor?password=hunter2", "progress");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Cannot use the database: ").doesNotContain("hunter2");
    }
}
