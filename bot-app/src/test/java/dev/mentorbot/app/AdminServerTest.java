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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin port over real HTTP: health, Prometheus metrics and reload, around a real core and database. */
class AdminServerTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FakePlatform slack = new FakePlatform();
    private final MemberId ada = new MemberId("slack", "T1", "ada");
    private TestContent content;
    private Database db;
    private ServingCore serving;
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
        ContentReloader reloader = new ContentReloader(initial, this::runtime, this::commandsOver, serving, registry);
        io.micrometer.core.instrument.FunctionCounter.builder("mentor.platform.reconnects", slack,
                PlatformAdapter::reconnects).tag("platform", "slack").register(registry);
        admin = AdminServer.start("127.0.0.1", 0, () -> Health.checks(reloader.current(), List.of(slack), serving),
                registry, reloader::reload);
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
        db.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
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
        serving.drain(java.time.Duration.ofSeconds(1));
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
        Cli.Result r = Cli.run("reload", "--admin-port", Integer.toString(admin.port()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Content reloaded: 10 passages");
        assertThat(ask("what is kaggle").text()).contains("Version three");

        admin.close();
        Cli.Result gone = Cli.run("reload", "--admin-port", Integer.toString(admin.port()));
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).contains("Cannot reach the bot at http://127.0.0.1:" + admin.port() + "/reload");
        gone.assertNoStackTrace();
    }
}
