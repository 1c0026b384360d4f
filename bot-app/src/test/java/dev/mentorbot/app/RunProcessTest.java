package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorbot.slack.FakeSlackApi;
import dev.mentorbot.slack.RequestSignature;
import dev.mentorbot.slack.SlackAdapter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as an operator runs it: a separate JVM serving Slack over HTTP (against a fake Web
 * API) with the admin port and JSON logs, answering a member, then stopped with SIGTERM.
 */
class RunProcessTest {
    private static final String SECRET = "process-signing-secret";
    private static final String QUESTION = "how much does a deep learning engineer earn";

    @TempDir
    Path dir;

    @Test
    void servesReportsHealthAndStopsCleanlyOnSigterm() throws Exception {
        int slackPort;
        try (ServerSocket s = new ServerSocket(0)) {
            slackPort = s.getLocalPort();
        }
        try (FakeSlackApi api = new FakeSlackApi()) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MentorBotCli.class.getName(),
                    "--log-format", "json", "--lexical-only", "run", "--admin-port", "0",
                    "--slack-http-port", Integer.toString(slackPort), "--slack-http-bind", "127.0.0.1");
            pb.environment().put("SLACK_BOT_TOKEN", "xoxb-process-1234");
            pb.environment().put("SLACK_SIGNING_SECRET", SECRET);
            pb.environment().put("SLACK_API_URL", api.apiUrl());
            pb.environment().remove("SLACK_HTTP_HOST");
            pb.environment().put("MENTOR_BOT_DATA_DIR", dir.resolve("data").toString());
            pb.environment().put("MENTOR_BOT_CHECKINS", "true");
            pb.redirectError(dir.resolve("stderr.log").toFile());
            Process bot = pb.start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder startup = new StringBuilder();
                int adminPort = adminPort(out, startup);
                assertThat(startup.toString()).contains("weekly check-ins: on for members who opt in (slack), at most "
                        + "20 a minute");
                HttpClient http = HttpClient.newHttpClient();

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                assertThat(Cli.JSON.readTree(health.body()).at("/checks/slack/detail").asText()).isEqualTo("connected");

                CompletableFuture<String> answer = new CompletableFuture<>();
                api.onCall = call -> {
                    if (call.method().equals("respond")) {
                        answer.complete(call.body());
                    }
                };
                String body = "command=%2Fmentor&text=" + URLEncoder.encode("ask " + QUESTION, StandardCharsets.UTF_8)
                        + "&team_id=T1&user_id=U1&channel_id=C1&trigger_id=t1&response_url="
                        + URLEncoder.encode(api.responseUrl("r1"), StandardCharsets.UTF_8);
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                String ts = Long.toString(Instant.now().getEpochSecond());
                HttpResponse<String> ack = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + slackPort + SlackAdapter.EVENTS_PATH))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Slack-Request-Timestamp", ts)
                        .header("X-Slack-Signature", new RequestSignature(SECRET).sign(ts, bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ack.statusCode()).isEqualTo(200);
                assertNotListeningOutsideLoopback(slackPort);
                assertThat(answer.get(30, TimeUnit.SECONDS)).contains("$");

                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).contains("mentor_questions_total{outcome=\"answered\",platform=\"slack\"} 1.0")
                        .contains("jvm_memory_used_bytes").contains("process_uptime_seconds");

                bot.destroy(); // SIGTERM
                assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            } finally {
                bot.destroyForcibly();
            }
        }
        List<String> logLines = Files.readAllLines(dir.resolve("stderr.log"));
        assertThat(logLines).isNotEmpty();
        for (String line : logLines) {
            JsonNode json = Cli.JSON.readTree(line);
            assertThat(json.has("level") && json.has("formattedMessage") && json.has("timestamp")).as(line).isTrue();
        }
        String log = String.join("\n", logLines);
        assertThat(log).contains("stopping: no new requests; waiting up to 10 s").contains("stopped cleanly")
                .doesNotContain(QUESTION).doesNotContain("xoxb-process-1234");
    }

    /** --slack-http-bind 127.0.0.1: the port is not reachable on this machine's other addresses. */
    private static void assertNotListeningOutsideLoopback(int port) throws Exception {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (java.net.InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress() || !nic.isUp()) {
                    continue;
                }
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress(address, port), 1_000);
                    throw new AssertionError("the Slack port answers on " + address);
                } catch (java.io.IOException refused) {
                    // expected: bound to loopback only
                }
            }
        }
    }

    /** Reads the bot's stdout until it names its admin port. */
    private static int adminPort(BufferedReader out, StringBuilder seen) throws Exception {
        Pattern admin = Pattern.compile("admin: http://127\\.0\\.0\\.1:(\\d+) ");
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    seen.append(line).append('\n');
                    Matcher m = admin.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                throw new IllegalStateException("the bot stopped before naming its admin port:\n" + seen);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return port.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
    }
}
