package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file, its checks and the precedence of command line, environment and file. */
class ConfigCliTest {
    @TempDir
    Path dir;

    private Path file(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    void aGoodFilePassesTheCheck() throws IOException {
        Path f = file("ok.yaml", """
                admin:
                  port: 8081
                  bind: 127.0.0.1
                limits:
                  member-burst: 5
                content:
                  extra: [/srv/a, /srv/b]
                log:
                  format: json
                """);
        Cli.Result r = Cli.runWithEnv(Map.of(), "config", "check", f.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("OK (5 settings)");
    }

    @Test
    void everyWrongKeyAndValueIsNamedWithItsLine() throws IOException {
        Path f = file("bad.yaml", """
                admin:
                  prot: 8081
                  port: 99999
                log:
                  format: xml
                limits:
                  member-burst: lots
                storage:
                  data-dir: [/a, /b]
                """);
        Cli.Result r = Cli.runWithEnv(Map.of(), "config", "check", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":2: unknown setting 'admin.prot' (did you mean 'admin.port'?)")
                .contains(f + ":3: admin.port must be between 0 and 65535, not 99999")
                .contains(f + ":5: log.format must be one of text, json, not 'xml'")
                .contains(f + ":7: limits.member-burst must be a whole number, not 'lots'")
                .contains(f + ":9: storage.data-dir takes one value, not a list")
                .contains("5 problem(s)");
        r.assertNoStackTrace();
    }

    @Test
    void aMisspeltKeyIsAnsweredWithTheNearestKnownKeyAndAStrangerWithNone() throws IOException {
        Path f = file("typos.yaml", """
                discrod:
                  tokne: abc
                limits:
                  member-per-minuet: 5
                log:
                  levle: info
                storage:
                  db-pasword: x
                port: 8081
                colour-scheme: dark
                """);
        Cli.Result r = Cli.runWithEnv(Map.of(), "config", "check", f.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                f + ":2: unknown setting 'discrod.tokne' (did you mean 'discord.token'?)",
                f + ":4: unknown setting 'limits.member-per-minuet' (did you mean 'limits.member-per-minute'?)",
                f + ":6: unknown setting 'log.levle' (did you mean 'log.level'?)",
                f + ":8: unknown setting 'storage.db-pasword' (did you mean 'storage.db-password'?)",
                f + ":9: unknown setting 'port' (did you mean 'admin.port'?)",
                f + ":10: unknown setting 'colour-scheme'",
                "6 problem(s). Keys and values: mentor-bot config show.");
        r.assertNoStackTrace();
    }

    @Test
    void brokenYamlIsNamedWithItsLine() throws IOException {
        Path f = file("broken.yaml", "admin:\n  port: 8081\n  bind: [unclosed\n");
        Cli.Result r = Cli.runWithEnv(Map.of(), "config", "check", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":").contains("not valid YAML");
        r.assertNoStackTrace();
    }

    @Test
    void aSecretInAFileOthersCanReadIsRefused() throws IOException {
        Path f = file("secret.yaml", "slack:\n  bot-token: xoxb-1234-abcd\n");
        assertThat(Cli.runWithEnv(Map.of(), "config", "check", f.toString()).exit()).isZero();
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Result r = Cli.runWithEnv(Map.of(), "config", "check", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":2: slack.bot-token is a secret, but the file is readable by other users")
                .contains("chmod 600").contains("SLACK_BOT_TOKEN")
                .doesNotContain("1234-abcd");
    }

    @Test
    void aBrokenConfigFileStopsEveryCommandWithOneClearMessage() throws IOException {
        Path f = file("bad.yaml", "limits:\n  member-burst: 0\n");
        Cli.Result r = Cli.runWithEnv(Map.of(), "--config", f.toString(), "ask", "what is kaggle");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Cannot use the config file:")
                .contains(f + ":2: limits.member-burst must be between 1 and");
        r.assertNoStackTrace();
        Cli.Result missing = Cli.runWithEnv(Map.of("MENTOR_BOT_CONFIG", dir.resolve("nope.yaml").toString()), "help");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml: no such file");
    }

    @Test
    void showMasksSecretsAndSaysWhereEachValueComesFrom() throws IOException {
        Path f = file("show.yaml", "admin:\n  port: 8081\nlog:\n  format: json\n");
        Cli.Result r = Cli.runWithEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1234-abcd", "MENTOR_BOT_LOG_FORMAT", "text"),
                "--config", f.toString(), "config", "show");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("admin\\.port\\s+MENTOR_BOT_ADMIN_PORT\\s+8081 from the file")
                .containsPattern("log\\.format\\s+MENTOR_BOT_LOG_FORMAT\\s+text from MENTOR_BOT_LOG_FORMAT")
                .contains("xoxb-****").doesNotContain("1234-abcd")
                .containsPattern("admin\\.bind\\s+MENTOR_BOT_ADMIN_BIND\\s+127\\.0\\.0\\.1 \\(default\\)");
    }

    @Test
    void showPrintsTheDeferDelayInForceWhenTheOneSetIsAboveDiscordsBound() throws IOException {
        Cli.Result capped = Cli.runWithEnv(Map.of("DISCORD_DEFER_AFTER_MS", "2600"), "config", "show");
        assertThat(capped.exit()).as(capped.toString()).isZero();
        assertThat(capped.out()).containsPattern("discord\\.defer-after-ms\\s+DISCORD_DEFER_AFTER_MS\\s+2500 \\(2600 is set; "
                + "at most 2500 is used: Discord waits 3 s for the first response\\) from DISCORD_DEFER_AFTER_MS");

        Path f = file("defer.yaml", "discord:\n  defer-after-ms: 2000\n");
        Cli.Result kept = Cli.runWithEnv(Map.of(), "--config", f.toString(), "config", "show");
        assertThat(kept.out()).containsPattern("discord\\.defer-after-ms\\s+DISCORD_DEFER_AFTER_MS\\s+2000 from the file");
    }

    @Test
    void commandLineWinsOverEnvironmentWhichWinsOverTheFile() throws IOException {
        Path fromFile = dir.resolve("file-data");
        Path fromEnv = dir.resolve("env-data");
        Path fromCli = dir.resolve("cli-data");
        Path f = file("data.yaml", "storage:\n  data-dir: " + fromFile + "\n");
        String[] tick = {"--config", f.toString(), "tick", "math-foundations", "1"};

        assertThat(Cli.runWithEnv(Map.of(), tick).exit()).isZero();
        assertThat(fromFile.resolve("mentor-bot.db")).exists();

        assertThat(Cli.runWithEnv(Map.of("MENTOR_BOT_DATA_DIR", fromEnv.toString()), tick).exit()).isZero();
        assertThat(fromEnv.resolve("mentor-bot.db")).exists();

        String[] withCli = {"--config", f.toString(), "--data-dir", fromCli.toString(), "tick", "math-foundations", "1"};
        assertThat(Cli.runWithEnv(Map.of("MENTOR_BOT_DATA_DIR", fromEnv.toString()), withCli).exit()).isZero();
        assertThat(fromCli.resolve("mentor-bot.db")).exists();
    }

    @Test
    void extraContentFromTheEnvironmentIsAListOfFolders() throws IOException {
        Path extra = new TestContent(dir.resolve("extra")).kaggleAnswer("Kaggle hosts competitions. From the env.").root();
        Path missing = dir.resolve("missing");
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.writeString(base.resolve("sources.yaml"), "- id: base-editors\n  kind: editorial\n  title: Base editors\n");
        Cli.Result one = Cli.runWithEnv(Map.of("MENTOR_BOT_EXTRA_CONTENT", extra.toString()),
                "--data-dir", dir.resolve("d1").toString(), "--content", base.toString(), "ask", "what is kaggle");
        assertThat(one.out()).as(one.toString()).contains("From the env.");
        Cli.Result two = Cli.runWithEnv(Map.of("MENTOR_BOT_EXTRA_CONTENT", extra + java.io.File.pathSeparator + missing),
                "--data-dir", dir.resolve("d2").toString(), "ask", "what is kaggle");
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains(missing.toString()).doesNotContain(extra + java.io.File.pathSeparator);
    }

    @Test
    void aBadVariableIsNamedBeforeAnythingStarts() {
        Cli.Result r = Cli.runWithEnv(Map.of("MENTOR_BOT_ADMIN_PORT", "abc", "MENTOR_BOT_RATE_MEMBER_BURST", "0",
                "DISCORD_DEFER_AFTER_MS", "0", "SLACK_BOT_TOKEN", "xoxb-1234-abcd"), "run");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Cannot use the environment:")
                .contains("MENTOR_BOT_ADMIN_PORT must be a whole number, not 'abc'")
                .contains("MENTOR_BOT_RATE_MEMBER_BURST must be between 1 and")
                .doesNotContain("DISCORD_DEFER_AFTER_MS") // 0 is valid: defer at once
                .doesNotContain("Usage:");
        r.assertNoStackTrace();
    }

    @Test
    void aBadLogFormatIsAUsageError() {
        Cli.Result r = Cli.run("--log-format", "xml", "help");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--log-format must be one of text, json");
        r.assertNoStackTrace();
    }
}
