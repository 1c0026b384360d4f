package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mentorbot.app.config.Setting;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code *_FILE} variables, as Docker and Kubernetes secrets and systemd credentials hand secrets
 * over: the file's content (less its final line break) is the secret, shown masked like one from
 * the variable; both at once, or a file that cannot be read, stop the bot with one line naming
 * the variable, never the secret.
 */
class SecretFilesCliTest {
    @TempDir
    Path dir;

    @Test
    void everySecretHasAFileVariable() {
        assertThat(Setting.ALL.stream().filter(Setting::secret).map(Setting::fileEnv)).containsExactlyInAnyOrder(
                "MENTOR_BOT_DB_PASSWORD_FILE", "MENTOR_BOT_ADMIN_TOKEN_FILE", "DISCORD_TOKEN_FILE", "SLACK_BOT_TOKEN_FILE",
                "SLACK_APP_TOKEN_FILE", "SLACK_SIGNING_SECRET_FILE");
    }

    @Test
    void aSecretFromAFileIsShownMaskedWithItsOrigin() throws Exception {
        Path discord = Files.writeString(dir.resolve("discord-token"), "MTk-file.token.value\n");
        Path slack = Files.writeString(dir.resolve("slack-bot-token"), "xoxb-9999-file\r\n");

        Cli.Result r = Cli.runWithEnv(Map.of("DISCORD_TOKEN_FILE", discord.toString(),
                "SLACK_BOT_TOKEN_FILE", slack.toString()), "config", "show");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("discord\\.token\\s+DISCORD_TOKEN\\s+\\*\\*\\*\\* from DISCORD_TOKEN_FILE")
                .containsPattern("slack\\.bot-token\\s+SLACK_BOT_TOKEN\\s+xoxb-\\*\\*\\*\\* from SLACK_BOT_TOKEN_FILE");
        for (String stream : new String[] {r.out(), r.err(), r.systemOut(), r.systemErr()}) {
            assertThat(stream).doesNotContain("MTk-file").doesNotContain("9999");
        }
    }

    @Test
    void theFileContentLessItsFinalLineBreakIsTheSecretTheBotSends() throws Exception {
        // reload sends the admin token: a stand-in admin port records exactly what arrives.
        CompletableFuture<String> authorization = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/reload", exchange -> {
            authorization.complete(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"status\":\"reloaded\",\"message\":\"reloaded: 3 documents\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path token = Files.writeString(dir.resolve("admin-token"), "t0ken with a space\n");
            Cli.Result r = Cli.runWithEnv(Map.of("MENTOR_BOT_ADMIN_TOKEN_FILE", token.toString()),
                    "reload", "--admin-port", Integer.toString(server.getAddress().getPort()));

            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(authorization.get(10, TimeUnit.SECONDS)).isEqualTo("Bearer t0ken with a space");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void bothTheVariableAndItsFileIsAClearErrorNamingBoth() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "from-the-file\n");

        Cli.Result r = Cli.runWithEnv(Map.of("SLACK_SIGNING_SECRET", "from-the-variable",
                "SLACK_SIGNING_SECRET_FILE", file.toString()), "config", "show");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Cannot use the environment:\n"
                + "  SLACK_SIGNING_SECRET and SLACK_SIGNING_SECRET_FILE are both set: keep one\n");
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).doesNotContain("from-the");
    }

    @Test
    void aMissingEmptyOrUnreadableFileNamesItsVariable() throws Exception {
        Path missing = dir.resolve("no-such-token");
        Path empty = Files.writeString(dir.resolve("empty-token"), "\n");
        Path folder = Files.createDirectory(dir.resolve("a-folder"));

        Cli.Result r = Cli.runWithEnv(Map.of("DISCORD_TOKEN_FILE", missing.toString(),
                "SLACK_APP_TOKEN_FILE", empty.toString(),
                "MENTOR_BOT_DB_PASSWORD_FILE", folder.toString()), "run");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactlyInAnyOrder(
                "Cannot use the environment:",
                "  DISCORD_TOKEN_FILE names a file that does not exist: " + missing,
                "  SLACK_APP_TOKEN_FILE names an empty file: " + empty,
                "  MENTOR_BOT_DB_PASSWORD_FILE names a file that cannot be read: " + folder + " (a folder)");
        r.assertNoStackTrace();
    }
}
