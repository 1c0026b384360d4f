package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.serve.CoreMetrics;
import dev.mentorbot.serve.RateLimitSettings;
import dev.mentorbot.serve.RateLimiter;
import dev.mentorbot.serve.ServingCore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private static final int ASKERS = 100;

    @TempDir
    Path dir;
    private HttpModeBot bot;
    private TestCore core;

    @BeforeEach
    void start() throws Exception {
        bot = new HttpModeBot();
        core = new TestCore(dir);
        ServingCore serving = new ServingCore(core.commands, new RateLimiter(new RateLimitSettings(10, 30, 2)),
                CoreMetrics.discarded());
        bot.start(serving::handle, core.commands.specs(), core.db);
    }

    @AfterEach
    void stop() {
        bot.close();
        core.close();
    }

    @Test
    void aHundredMembersAskingAtOnceAllGetAnswers() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
        for (int i = 0; i < ASKERS; i++) {
            acks.add(bot.postAsync(bot.adapter(), SignedRequests.FORM,
                    bot.slash("U" + i, "ask how much do ML engineers make", "burst-" + i)));
        }
        for (CompletableFuture<HttpResponse<String>> ack : acks) {
            assertThat(ack.get().statusCode()).isEqualTo(200);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (bot.api.calls("respond").size() < ASKERS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<FakeSlackApi.Call> answers = bot.api.calls("respond");
        assertThat(answers).hasSize(ASKERS);
        assertThat(answers).noneMatch(c -> c.body().contains("answering a lot of questions"))
                .allMatch(c -> c.body().contains("in_channel"));
        assertThat(answers.stream().map(c -> c.params().get("response_id")).distinct()).hasSize(ASKERS);
    }
}
