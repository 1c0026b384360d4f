package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} against a Discord it cannot reach, in a separate JVM as an operator starts it: it
 * stops within seconds with one line naming the variable to check, and no stack trace. (JDA alone
 * retries a gateway it cannot open for a minute, logging a stack trace every five seconds.)
 */
class DiscordUnreachableProcessTest {
    /** JVM start, content and database on a shared machine, then the failure itself. Before: 65 s. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aGatewayUrlThatRefusesConnectionsIsOneLineNamingDiscordGatewayUrl() throws Exception {
        HttpServer rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/", exchange -> {
            // users/@me is all JDA's login asks; anything else is not found, which still counts as reachable.
            boolean me = exchange.getRequestURI().getPath().endsWith("/users/@me");
            byte[] body = (me ? "{\"id\":\"1000\",\"username\":\"mentor\",\"discriminator\":\"0\",\"global_name\":null,"
                    + "\"avatar\":null,\"bot\":true,\"flags\":0}" : "{\"message\":\"404: Not Found\",\"code\":0}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(me ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        rest.start();
        try {
            String gateway = "ws://127.0.0.1:" + closedPort() + "/";
            List<String> err = runDiscord(Map.of("DISCORD_REST_URL",
                    "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/", "DISCORD_GATEWAY_URL", gateway));
            assertThat(err).filteredOn(l -> l.startsWith("discord:")).containsExactly("discord: Cannot connect to the "
                    + "Discord gateway at " + gateway + " (Connection refused). Check the network, or DISCORD_GATEWAY_URL.");
        } finally {
            rest.stop(0);
        }
    }

    @Test
    void aRestUrlThatRefusesConnectionsIsOneLineNamingDiscordRestUrl() throws Exception {
        String restUrl = "http://127.0.0.1:" + closedPort() + "/api/v10/";
        List<String> err = runDiscord(Map.of("DISCORD_REST_URL", restUrl,
                "DISCORD_GATEWAY_URL", "ws://127.0.0.1:" + closedPort() + "/"));
        assertThat(err).filteredOn(l -> l.startsWith("discord:")).containsExactly("discord: Cannot reach Discord's REST "
                + "API at " + restUrl + " (Connection refused). Check the network, or DISCORD_REST_URL.");
    }

    /** Runs {@code run} with Discord configured; checks the exit, the time and stderr; returns stderr's lines. */
    private List<String> runDiscord(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MentorBotCli.class.getName(), "--lexical-only", "run");
        pb.environment().put("DISCORD_TOKEN", "MTAwMA.fixture.token");
        pb.environment().putAll(env);
        pb.environment().put("MENTOR_BOT_DATA_DIR", dir.resolve("data").toString());
        Path stderr = dir.resolve("stderr.log");
        pb.redirectError(stderr.toFile());
        pb.redirectOutput(dir.resolve("stdout.log").toFile());
        long began = System.nanoTime();
        Process bot = pb.start();
        try {
            assertThat(bot.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", BOUND).isTrue();
        } finally {
            bot.destroyForcibly();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        List<String> lines = Files.readAllLines(stderr);
        System.out.println("run stopped after " + took.toMillis() + " ms:\n" + String.join("\n", lines));
        assertThat(bot.exitValue()).isEqualTo(MentorBotCli.EXIT_BAD_INPUT);
        assertThat(String.join("\n", lines)).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("ERROR");
        return lines;
    }

    /** A loopback port nothing listens on: connecting to it is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
