package dev.mentorbot.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.command.Reply;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving entry point over the fixture content and a real SQLite database. */
class ServingCoreTest {
    @TempDir
    Path dataDir;

    private Database db;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MemberId ada = new MemberId("slack", "T1", "ada");

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.sqlite(dataDir));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Commands commands() {
        return Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.FULL, Clock.systemUTC()));
    }

    private ServingCore core(RateLimitSettings limits) {
        return new ServingCore(commands(), new RateLimiter(limits), new CoreMetrics(registry));
    }

    private static CommandRequest ask(MemberId who, String question) {
        return new CommandRequest("ask", Map.of("question", question), who);
    }

    @Test
    void countsAnswersDeclinesFeedbackAndLatencyByPlatform() {
        ServingCore core = core(RateLimitSettings.DEFAULTS);
        Reply answer = core.handle(ask(ada, "DL engineer salary"));
        assertThat(answer.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(core.handle(ask(ada, "best pizza in Naples")).kind()).isEqualTo(Reply.Kind.DECLINED);
        String passage = answer.sources().get(0).passageId();
        core.handle(new CommandRequest("feedback",
                Map.of("vote", "not-helpful", "answer", passage, "question", "DL engineer salary"), ada));

        assertThat(registry.get("mentor.questions").tags("platform", "slack", "outcome", "answered").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("mentor.questions").tags("platform", "slack", "outcome", "declined").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("mentor.feedback").tags("vote", "not_helpful").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("mentor.answer.latency").tags("platform", "slack", "command", "ask").timer().count())
                .isEqualTo(2);
    }

    @Test
    void aFloodGetsOneSlowDownThenSilenceAndIsCounted() {
        ServingCore core = core(new RateLimitSettings(2, 1, 100));
        assertThat(core.handle(ask(ada, "DL engineer salary")).answered()).isTrue();
        assertThat(core.handle(ask(ada, "DL engineer salary")).answered()).isTrue();
        Reply notice = core.handle(ask(ada, "DL engineer salary"));
        assertThat(notice.kind()).isEqualTo(Reply.Kind.SLOW_DOWN);
        assertThat(notice.text()).contains("60 seconds");
        assertThat(notice.silent()).isFalse();
        Reply quiet = core.handle(ask(ada, "DL engineer salary"));
        assertThat(quiet.silent()).isTrue();
        assertThat(registry.get("mentor.rate.limited").tags("scope", "member").counter().count()).isEqualTo(2.0);
        // The refused requests were not answered, so they are not counted as questions.
        assertThat(registry.get("mentor.questions").counter().count()).isEqualTo(2.0);
    }

    @Test
    void personalChecklistStateIsNotCounted() {
        ServingCore core = core(new RateLimitSettings(1, 1, 100));
        for (int i = 0; i < 5; i++) {
            assertThat(core.handle(new CommandRequest("progress", Map.of(), ada)).answered()).isTrue();
        }
        assertThat(core.handle(ask(ada, "DL engineer salary")).kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(core.handle(ask(ada, "DL engineer salary")).kind()).isEqualTo(Reply.Kind.SLOW_DOWN);
    }

    @Test
    void aSwapServesLaterRequestsFromTheNewCommandSet() {
        ServingCore core = core(RateLimitSettings.DEFAULTS);
        Commands replacement = new Commands().register(
                new CommandSpec("ask", "Ask", List.of()), request -> Reply.error("new index"));
        core.swap(replacement);
        assertThat(core.handle(ask(ada, "DL engineer salary")).text()).isEqualTo("new index");
    }

    @Test
    void drainRefusesNewWorkAndWaitsForRequestsInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Commands slow = new Commands().register(new CommandSpec("ask", "Ask", List.of()), request -> {
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.error("finished");
        });
        ServingCore core = new ServingCore(slow, new RateLimiter(RateLimitSettings.DEFAULTS), CoreMetrics.discarded());
        CompletableFuture<Reply> running = CompletableFuture.supplyAsync(() -> core.handle(ask(ada, "q")));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return core.drain(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(drained).isNotDone();
        assertThat(core.handle(ask(ada, "q")).text()).isEqualTo(ServingCore.RESTARTING);
        release.countDown();
        assertThat(drained.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(running.get(5, TimeUnit.SECONDS).text()).isEqualTo("finished");
    }

    @Test
    void drainGivesUpAfterItsBound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Commands stuck = new Commands().register(new CommandSpec("ask", "Ask", List.of()), request -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.error("late");
        });
        ServingCore core = new ServingCore(stuck, new RateLimiter(RateLimitSettings.DEFAULTS), CoreMetrics.discarded());
        CompletableFuture.runAsync(() -> core.handle(ask(ada, "q")));
        while (core.inFlight() == 0) {
            Thread.sleep(5);
        }
        assertThat(core.drain(Duration.ofMillis(200))).isFalse();
        release.countDown();
    }
}
