package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret is printed, even in part: not by {@code config show}, not in an error, not in a log
 * line. Each test looks at everything the user sees (the CLI's streams and anything written to
 * {@code System.out}/{@code System.err}, logs included).
 */
class SecretsCliTest {
    private static final String PASSWORD = "Sup3rS3cretPw";
    private static final String OTHER_PASSWORD = "0therS3cretPw";
    private static final String URL_WITH_PASSWORDS = "jdbc:postgresql://mentor:" + PASSWORD
            + "@127.0.0.1:1/mentor?sslmode=disable&password=" + OTHER_PASSWORD;

    @TempDir
    Path dir;

    @Test
    void configShowMasksThePasswordsOfADatabaseUrlAndKeepsTheRest() {
        Cli.Result r = Cli.runWithEnv(Map.of("MENTOR_BOT_DB_URL", URL_WITH_PASSWORDS), "config", "show");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("storage\\.db-url\\s+MENTOR_BOT_DB_URL\\s+"
                + "jdbc:postgresql://mentor:\\*\\*\\*\\*@127\\.0\\.0\\.1:1/mentor\\?sslmode=disable&password=\\*\\*\\*\\* "
                + "from MENTOR_BOT_DB_URL");
        assertNoSecret(r, PASSWORD, OTHER_PASSWORD);
    }

    @Test
    void aMaskShowsNoCharacterOfTheSecretButADocumentedPrefix() {
        Cli.Result r = Cli.runWithEnv(Map.of(
                "DISCORD_TOKEN", "MTk-4NzY1.Gx7abc.defghijk",
                "SLACK_SIGNING_SECRET", "ab-cdef0123456789",
                "SLACK_BOT_TOKEN", "xoxb-1111-2222-abcd",
                "MENTOR_BOT_DB_PASSWORD", "pw-" + PASSWORD), "config", "show");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("discord\\.token\\s+DISCORD_TOKEN\\s+\\*\\*\\*\\* from DISCORD_TOKEN")
                .containsPattern("slack\\.signing-secret\\s+SLACK_SIGNING_SECRET\\s+\\*\\*\\*\\* from")
                .containsPattern("storage\\.db-password\\s+MENTOR_BOT_DB_PASSWORD\\s+\\*\\*\\*\\* from")
                .containsPattern("slack\\.bot-token\\s+SLACK_BOT_TOKEN\\s+xoxb-\\*\\*\\*\\* from");
        assertNoSecret(r, "MTk", "ab-", "pw-", "1111", PASSWORD);
    }

    @Test
    void configShowReflectsTheCommandLineOptionsGivenWithIt() {
        Path data = dir.resolve("cli-data");
        Cli.Result after = Cli.runWithEnv(Map.of("MENTOR_BOT_DB_URL", "jdbc:postgresql://env-host/mentor"),
                "config", "show", "--db-url", URL_WITH_PASSWORDS, "--data-dir", data.toString());
        Cli.Result before = Cli.runWithEnv(Map.of(), "--data-dir", data.toString(), "--lexical-only", "config", "show");

        assertThat(after.exit()).as(after.toString()).isZero();
        assertThat(after.out())
                .containsPattern("storage\\.db-url\\s+MENTOR_BOT_DB_URL\\s+jdbc:postgresql://mentor:\\*\\*\\*\\*@127\\.0\\.0\\.1"
                        + "\\S+ from --db-url")
                .containsPattern("storage\\.data-dir\\s+MENTOR_BOT_DATA_DIR\\s+" + java.util.regex.Pattern.quote(data.toString())
                        + " from --data-dir")
                .doesNotContain("env-host");
        assertNoSecret(after, PASSWORD, OTHER_PASSWORD);
        assertThat(before.out())
                .containsPattern("storage\\.data-dir\\s+MENTOR_BOT_DATA_DIR\\s+" + java.util.regex.Pattern.quote(data.toString())
                        + " from --data-dir")
                .containsPattern("retrieval\\.lexical-only\\s+MENTOR_BOT_LEXICAL_ONLY\\s+true from --lexical-only");
    }

    @Test
    void aConfigFileWhoseDatabaseUrlHoldsAPasswordMustBeTheOwnersAlone() throws IOException {
        Path f = dir.resolve("mentor-bot.yaml");
        Files.writeString(f, "storage:\n  db-url: " + URL_WITH_PASSWORDS + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result open = Cli.runWithEnv(Map.of(), "--config", f.toString(), "config", "show");

        assertThat(open.exit()).isEqualTo(2);
        assertThat(open.err()).contains("storage.db-url holds a password, but the file is readable by other users: "
                + "run 'chmod 600 " + f + "'");
        assertNoSecret(open, PASSWORD, OTHER_PASSWORD);

        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        Cli.Result closed = Cli.runWithEnv(Map.of(), "--config", f.toString(), "config", "show");
        assertThat(closed.exit()).as(closed.toString()).isZero();
        assertThat(closed.out()).contains("from the file");
        assertNoSecret(closed, PASSWORD, OTHER_PASSWORD);

        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, "storage:\n  db-url: jdbc:postgresql://db:5432/mentor\n");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Cli.runWithEnv(Map.of(), "--config", plain.toString(), "config", "show").exit())
                .as("a URL without a password is not a secret").isZero();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsReportedAndLoggedWithoutItsPasswords() {
        Cli.Result r = Cli.runWithEnv(Map.of(), "--log-level", "debug", "--db-url", URL_WITH_PASSWORDS, "progress");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("Cannot use the database: ").contains("mentor:****@127.0.0.1:1");
        assertNoSecret(r, PASSWORD, OTHER_PASSWORD);
    }

    @Test
    void aBadUrlSettingIsNamedWithoutItsPassword() {
        Cli.Result r = Cli.runWithEnv(Map.of("DISCORD_REST_URL", "ftp://bot:" + PASSWORD + "@proxy.example/api"), "help");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("DISCORD_REST_URL must be an http(s):// or ws(s):// URL, not 'ftp://bot:****@proxy.example/api'");
        assertNoSecret(r, PASSWORD);
    }

    private static void assertNoSecret(Cli.Result r, String... secrets) {
        for (String secret : secrets) {
            for (String stream : new String[] {r.out(), r.err(), r.systemOut(), r.systemErr()}) {
                assertThat(stream).as("everything the user saw").doesNotContain(secret);
            }
        }
    }
}
