package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.command.Reply;
import dev.mentorbot.platform.PlatformAdapter;
import dev.mentorbot.serve.CoreMetrics;
import dev.mentorbot.serve.RateLimitSettings;
import dev.mentorbot.serve.RateLimiter;
import dev.mentorbot.serve.ServingCore;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin port over real HTTP on 127.0.0.1: liveness, readiness (the database included),
 * Prometheus metrics, reload behind its token, and a port that stalled clients cannot freeze,
 * around a real core and database.
 */
class AdminServerTest {
    private static final String TOKEN = "correct-horse-admin-token";
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FakePlatform slack = new FakePlatform();
    private final MemberId ada = new MemberId("slack", "T1", "ada");
    private TestContent content;
    private Database db;
    private ServingCore serving;
    private ContentReloader reloader;
    private DatabaseProbe probe;
    private AdminServer admin;

    /** A platform whose connection the test switches on and off. */
    static final class FakePlatform implements PlatformAdapter {
        volatile boolean up = true;
        volatile long reconnects;

        @Override
        public String name() {
            return "slack";
        }

        @Override
        public void start() {
        }

        @Override
        public boolean connected() {
            return up;
        }

        @Override
        public long reconnects() {
            return reconnects;
        }

        @Override
        public void close() {
            up = false;
        }
    }

    @BeforeEach
    void start() throws Exception {
        content = new TestContent(dir.resolve("content")).kaggleAnswer("Kaggle hosts competitions. Version one.");
        db = Database.open(DatabaseSettings.sqlite(dir.resolve("data")));
        MentorRuntime initial = runtime();
        serving = new ServingCore(commandsOver(initial), new RateLimiter(new RateLimitSettings(3, 1, 100)),
                new CoreMetrics(registry));
        reloader = new ContentReloader(initial, this::runtime, this::commandsOver, serving, registry);
        io.micrometer.core.instrument.FunctionCounter.builder("mentor.platform.reconnects", slack,
                PlatformAdapter::reconnects).tag("platform", "slack").register(registry);
        probe = new DatabaseProbe(db::ping, DatabaseProbe.DEFAULT_DEADLINE);
        admin = start(Optional.of(TOKEN), AdminServer.Limits.DEFAULTS);
    }

    private AdminServer start(Optional<String> token, AdminServer.Limits limits) throws java.io.IOException {
        return AdminServer.start("127.0.0.1", 0, () -> Health.checks(reloader.current(), List.of(slack), serving, probe),
                registry, reloader::reload, AdminToken.of(token), limits);
    }

    private MentorRuntime runtime() throws dev.mentorbot.content.ContentException {
        return MentorRuntime.start(content.root(), List.of(), true);
    }

    private Commands commandsOver(MentorRuntime rt) {
        return Commands.standard(new CoreContext(rt.kb(), rt.engine(), Stores.of(db), QuestionPrivacy.FULL,
                Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        admin.close();
        probe.close();
        db.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with the right admin token. */
    private HttpResponse<String> post(String path) throws Exception {
        return post(admin, path, Optional.of(TOKEN));
    }

    private HttpResponse<String> post(AdminServer server, String path, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Reply ask(String question) {
        return serving.handle(new CommandRequest("ask", Map.of("question", question), ada));
    }

    @Test
    void healthSaysReadyOnlyWhenContentAndEveryPlatformAreAndNamesWhatIsNot() throws Exception {
        HttpResponse<String> ready = get("/healthz");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = Cli.JSON.readTree(ready.body());
        assertThat(body.path("status").asText()).isEqualTo("ready");
        assertThat(body.at("/checks/content/detail").asText()).isEqualTo("10 passages indexed");
        assertThat(body.at("/checks/slack/ready").asBoolean()).isTrue();

        slack.up = false;
        HttpResponse<String> down = get("/healthz");
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode downBody = Cli.JSON.readTree(down.body());
        assertThat(downBody.path("status").asText()).isEqualTo("not ready");
        assertThat(downBody.at("/checks/slack/detail").asText()).isEqualTo("not connected");
        assertThat(downBody.at("/checks/content/ready").asBoolean()).isTrue();

        slack.up = true;
        serving.drain(Duration.ofSeconds(1));
        HttpResponse<String> stopping = get("/healthz");
        assertThat(stopping.statusCode()).isEqualTo(503);
        assertThat(Cli.JSON.readTree(stopping.body()).at("/checks/requests/detail").asText()).startsWith("stopping");
    }

    @Test
    void metricsAreInPrometheusFormatAndCountWhatMembersDid() throws Exception {
        Reply answer = ask("what is kaggle");
        assertThat(answer.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(ask("best pizza in Naples").kind()).isEqualTo(Reply.Kind.DECLINED);
        serving.handle(new CommandRequest("feedback", Map.of("vote", "helpful",
                "answer", answer.sources().get(0).passageId(), "question", "what is kaggle"), ada));
        assertThat(ask("what is kaggle").kind()).isEqualTo(Reply.Kind.SLOW_DOWN);
        slack.reconnects = 2;

        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body())
                .contains("mentor_questions_total{outcome=\"answered\",platform=\"slack\"} 1.0")
                .contains("mentor_questions_total{outcome=\"declined\",platform=\"slack\"} 1.0")
                .contains("mentor_feedback_total{platform=\"slack\",vote=\"helpful\"} 1.0")
                .contains("mentor_rate_limited_total{platform=\"slack\",scope=\"member\"} 1.0")
                .contains("mentor_platform_reconnects_total{platform=\"slack\"} 2.0")
                .contains("mentor_content_documents 10.0")
                .containsPattern("mentor_answer_latency_seconds_bucket\\{command=\"ask\",platform=\"slack\",le=\"[0-9.]+\"\\}")
                .contains("mentor_answer_latency_seconds_count{command=\"ask\",platform=\"slack\"} 2");
    }

    @Test
    void reloadSwapsInNewContentAndABrokenFileKeepsTheOldServing() throws Exception {
        assertThat(ask("what is kaggle").text()).contains("Version one");

        content.kaggleAnswer("Kaggle hosts competitions. Version two.").broken();
        HttpResponse<String> failed = post("/reload");
        assertThat(failed.statusCode()).isEqualTo(422);
        JsonNode f = Cli.JSON.readTree(failed.body());
        assertThat(f.path("status").asText()).isEqualTo("failed");
        assertThat(f.path("message").asText()).contains("still serving the previous content").contains("broken.yaml:2");
        assertThat(ask("what is kaggle").text()).contains("Version one");

        content.mended();
        HttpResponse<String> ok = post("/reload");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Cli.JSON.readTree(ok.body()).path("documents").asInt()).isEqualTo(10);
        assertThat(ask("what is kaggle").text()).contains("Version two");
        assertThat(get("/metrics").body()).contains("mentor_content_reloads_total{result=\"failed\"} 1.0")
                .contains("mentor_content_reloads_total{result=\"ok\"} 1.0");
    }

    @Test
    void wrongMethodsAndPathsGetClearAnswers() throws Exception {
        HttpResponse<String> getReload = get("/reload");
        assertThat(getReload.statusCode()).isEqualTo(405);
        assertThat(getReload.headers().firstValue("Allow")).contains("POST");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void theReloadCommandTalksToTheAdminPort() {
        content.kaggleAnswer("Kaggle hosts competitions. Version three.");
        Cli.Result r = Cli.runWithEnv(Map.of("MENTOR_BOT_ADMIN_TOKEN", TOKEN),
                "reload", "--admin-port", Integer.toString(admin.port()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Content reloaded: 10 passages");
        assertThat(ask("what is kaggle").text()).contains("Version three");

        admin.close();
        Cli.Result gone = Cli.run("reload", "--admin-port", Integer.toString(admin.port()));
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).contains("Cannot reach the bot at http://127.0.0.1:" + admin.port() + "/reload");
        gone.assertNoStackTrace();
    }

    @Test
    void fiveHundredHalfOpenConnectionsDoNotDelayTheHealthCheck() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                Socket socket = new Socket("127.0.0.1", admin.port());
                // Part of a request line, then nothing: the classic slowloris.
                socket.getOutputStream().write("GET /heal".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long start = System.nanoTime();
            HttpResponse<String> health = fresh.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + admin.port() + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(Cli.JSON.readTree(health.body()).path("status").asText()).isEqualTo("ready");
            assertThat(took).as("/healthz beside 500 stalled connections").isLessThan(Duration.ofSeconds(1));
            // They were really held open the whole time, not refused.
            assertThat(stalled).noneMatch(Socket::isClosed);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aConnectionThatStallsMidRequestIsClosedAfterTheIdleTimeout() throws Exception {
        try (AdminServer quick = start(Optional.of(TOKEN),
                new AdminServer.Limits(Duration.ofMillis(300), 1_000, 8));
             Socket socket = new Socket("127.0.0.1", quick.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            // Whatever the server says on the way out (a 408 or nothing), the stream must end.
            byte[] said = socket.getInputStream().readAllBytes();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(new String(said, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        for (String path : List.of("/healthz", "/readyz", "/livez")) {
            HttpResponse<String> head = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + admin.port() + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).as(path).contains("application/json");
        }
        slack.up = false;
        HttpResponse<String> notReady = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + admin.port() + "/healthz"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(get("/healthz").headers().firstValue("Server")).isEmpty();
    }

    @Test
    void livenessStaysUpWhileReadinessSaysTheDatabaseCannotBeReached() throws Exception {
        HttpResponse<String> ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(Cli.JSON.readTree(ready.body()).at("/checks/database/detail").asText()).isEqualTo("reachable");

        db.close();
        HttpResponse<String> readyz = get("/readyz");
        assertThat(readyz.statusCode()).isEqualTo(503);
        JsonNode body = Cli.JSON.readTree(readyz.body());
        assertThat(body.path("status").asText()).isEqualTo("not ready");
        assertThat(body.at("/checks/database/ready").asBoolean()).isFalse();
        assertThat(body.at("/checks/database/detail").asText()).startsWith("Could not reach the database");
        assertThat(body.at("/checks/content/ready").asBoolean()).isTrue();
        // /healthz is readiness under its older name.
        HttpResponse<String> healthz = get("/healthz");
        assertThat(healthz.statusCode()).isEqualTo(503);
        assertThat(Cli.JSON.readTree(healthz.body()).at("/checks/database/ready").asBoolean()).isFalse();

        HttpResponse<String> livez = get("/livez");
        assertThat(livez.statusCode()).isEqualTo(200);
        assertThat(Cli.JSON.readTree(livez.body()).path("status").asText()).isEqualTo("live");
    }

    @Test
    void aDatabaseThatHangsMakesReadinessFailFastInsteadOfHanging() throws Exception {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        try (DatabaseProbe hanging = new DatabaseProbe(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(200))) {
            long start = System.nanoTime();
            AdminServer.Check check = hanging.check();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(check.ready()).isFalse();
            assertThat(check.detail()).isEqualTo("no answer in 200 ms");
        }
    }

    @Test
    void reloadIsOffWithoutATokenAndRefusesAWrongOne() throws Exception {
        try (AdminServer noToken = start(Optional.empty(), AdminServer.Limits.DEFAULTS)) {
            HttpResponse<String> off = post(noToken, "/reload", Optional.of(TOKEN));
            assertThat(off.statusCode()).isEqualTo(403);
            assertThat(Cli.JSON.readTree(off.body()).path("message").asText())
                    .startsWith("POST /reload is off: set MENTOR_BOT_ADMIN_TOKEN");
            // The rest of the port works as before.
            assertThat(get(noToken, "/livez").statusCode()).isEqualTo(200);
        }

        content.kaggleAnswer("Kaggle hosts competitions. Version two.");
        for (Optional<String> wrong : List.of(Optional.<String>empty(), Optional.of("guess"),
                Optional.of(TOKEN + "x"), Optional.of(TOKEN.substring(1)))) {
            HttpResponse<String> refused = post(admin, "/reload", wrong);
            assertThat(refused.statusCode()).as(wrong.toString()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
            assertThat(refused.body()).contains("needs the admin token").doesNotContain(TOKEN);
        }
        assertThat(ask("what is kaggle").text()).as("nothing was reloaded").contains("Version one");

        HttpResponse<String> ok = post(admin, "/reload", Optional.of(TOKEN));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ask("what is kaggle").text()).contains("Version two");
    }

    @Test
    void theReloadCommandSendsTheTokenFromTheEnvironment() {
        String port = Integer.toString(admin.port());
        Cli.Result none = Cli.runWithEnv(Map.of(), "reload", "--admin-port", port);
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("needs the admin token").contains("Set MENTOR_BOT_ADMIN_TOKEN");
        none.assertNoStackTrace();

        Cli.Result wrong = Cli.runWithEnv(Map.of("MENTOR_BOT_ADMIN_TOKEN", "guess"), "reload", "--admin-port", port);
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("needs the admin token");

        Cli.Result right = Cli.runWithEnv(Map.of("MENTOR_BOT_ADMIN_TOKEN", TOKEN), "reload", "--admin-port", port);
        assertThat(right.exit()).as(right.toString()).isZero();
        assertThat(right.out()).startsWith("Content reloaded");
    }

    @Test
    void configShowMasksTheAdminToken() {
        Cli.Result r = Cli.runWithEnv(Map.of("MENTOR_BOT_ADMIN_TOKEN", TOKEN), "config", "show");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("MENTOR_BOT_ADMIN_TOKEN").doesNotContain(TOKEN).doesNotContain("horse");
        assertThat(r.out().lines().filter(l -> l.contains("admin.token")).findFirst().orElse("")).contains("****");
    }

    private HttpResponse<String> get(AdminServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
