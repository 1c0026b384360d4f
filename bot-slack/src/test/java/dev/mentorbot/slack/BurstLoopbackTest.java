package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.serve.CoreMetrics;
import dev.mentorbot.serve.RateLimitSettings;
import dev.mentorbot.serve.RateLimiter;
import dev.mentorbot.serve.ServingCore;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of members asking at once, through the serving core with a global bucket of 2 posts a
 * second (far below the burst, so spending it would turn most askers away): answers
 * through the response_url do not spend the global send bucket, so none is turned away.
 */
class BurstLoopbackTest {
    private static final String SECRET = "burst-secret";
    private static final int ASKERS = 100;

    @TempDir
    Path dir;
    private FakeSlackApi api;
    private TestCore core;
    private SlackAdapter adapter;
    private final HttpClient http = HttpClient.newHttpClient();
    private final RequestSignature signer = new RequestSignature(SECRET);

    @BeforeEach
    void start() throws Exception {
        api = new FakeSlackApi();
        core = new TestCore(dir);
        ServingCore serving = new ServingCore(core.commands, new RateLimiter(new RateLimitSettings(10, 30, 2)),
                CoreMetrics.discarded());
        SlackSettings settings = new SlackSettings("xoxb-fixture", "", SECRET, Optional.of(0), "127.0.0.1", api.apiUrl());
        adapter = new SlackAdapter(settings, serving::handle, core.commands.specs(),
                Optional.of(core.db.processedEvents()), Clock.systemUTC());
        adapter.start();
    }

    @AfterEach
    void stop() {
        adapter.close();
        core.close();
        api.close();
    }

    @Test
    void aHundredMembersAskingAtOnceAllGetAnswers() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
        for (int i = 0; i < ASKERS; i++) {
            acks.add(http.sendAsync(signed(slash("U" + i, "ask how much do ML engineers make", "burst-" + i)),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> ack : acks) {
            assertThat(ack.get().statusCode()).isEqualTo(200);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.calls("respond").size() < ASKERS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<FakeSlackApi.Call> answers = api.calls("respond");
        assertThat(answers).hasSize(ASKERS);
        assertThat(answers).noneMatch(c -> c.body().contains("answering a lot of questions"))
                .allMatch(c -> c.body().contains("in_channel"));
        assertThat(answers.stream().map(c -> c.params().get("response_id")).distinct()).hasSize(ASKERS);
    }

    private String slash(String user, String text, String responseId) {
        StringBuilder sb = new StringBuilder();
        for (String[] kv : new String[][] {{"token", "legacy"}, {"team_id", "T1"}, {"team_domain", "fixture"},
                {"channel_id", "C1"}, {"channel_name", "general"}, {"user_id", user}, {"user_name", user},
                {"command", "/mentor"}, {"text", text}, {"response_url", api.responseUrl(responseId)}}) {
            sb.append(kv[0]).append('=').append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8)).append('&');
        }
        return sb.append("trigger_id=1.2.3").toString();
    }

    private HttpRequest signed(String body) {
        return SignedRequests.request(adapter.httpPort(), signer, SignedRequests.FORM, body);
    }
}
