package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.command.Reply;
import dev.mentorbot.content.ContentException;
import dev.mentorbot.serve.CoreMetrics;
import dev.mentorbot.serve.RateLimitSettings;
import dev.mentorbot.serve.RateLimiter;
import dev.mentorbot.serve.ServingCore;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content changing while members ask: every answer comes wholly from the old or the new index,
 * never from a half-built one, and no request fails.
 */
class ContentReloadTest {
    private static final String OLD = "Kaggle hosts competitions. Old edition.";
    private static final String NEW = "Kaggle hosts competitions. New edition.";

    @TempDir
    Path dir;

    private TestContent content;
    private Database db;
    private ServingCore serving;
    private ContentReloader reloader;

    @BeforeEach
    void start() throws Exception {
        content = new TestContent(dir.resolve("content")).kaggleAnswer(OLD);
        db = Database.open(DatabaseSettings.sqlite(dir.resolve("data")));
        MentorRuntime initial = runtime();
        // Limits high enough that the load itself is never refused.
        serving = new ServingCore(commandsOver(initial), new RateLimiter(new RateLimitSettings(1_000_000, 1_000_000,
                1_000_000)), CoreMetrics.discarded());
        reloader = new ContentReloader(initial, this::runtime, this::commandsOver, serving, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private MentorRuntime runtime() throws ContentException {
        return MentorRuntime.start(content.root(), List.of(), true);
    }

    private Commands commandsOver(MentorRuntime rt) {
        return Commands.standard(new CoreContext(rt.kb(), rt.engine(), Stores.of(db), QuestionPrivacy.OFF,
                Clock.systemUTC()));
    }

    @Test
    void answersDuringReloadsComeFromTheOldOrTheNewIndexAndNoneFails() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService askers = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            MemberId member = new MemberId("discord", "g", "member-" + t);
            futures.add(askers.submit(() -> {
                while (running.get()) {
                    Reply r = serving.handle(new CommandRequest("ask", Map.of("question", "what is kaggle"), member));
                    if (r.kind() != Reply.Kind.ANSWER || !(r.text().equals(OLD) || r.text().equals(NEW))) {
                        wrong.add(r.kind() + ": " + r.text());
                    }
                    seen.add(r.text());
                    answered.incrementAndGet();
                }
            }));
        }
        int reloads = 0;
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            content.kaggleAnswer(reloads % 2 == 0 ? NEW : OLD);
            assertThat(reloader.reload().ok()).isTrue();
            reloads++;
        }
        running.set(false);
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        askers.shutdown();

        assertThat(wrong).isEmpty();
        assertThat(reloads).isGreaterThan(5);
        assertThat(answered.get()).isGreaterThan(reloads);
        assertThat(seen).containsExactlyInAnyOrder(OLD, NEW);
    }

    @Test
    void theWatcherReloadsAfterAChangeAndABrokenFileKeepsTheOldIndexServing() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        List<ContentReloader.Result> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ContentWatcher ignored = ContentWatcher.start(List.of(content.root()), Duration.ofMillis(200), () -> {
            results.add(reloader.reload());
            reloads.incrementAndGet();
        })) {
            content.kaggleAnswer(NEW);
            awaitAnswer(NEW);

            int before = reloads.get();
            content.broken();
            awaitTrue(() -> reloads.get() > before);
            assertThat(results.get(results.size() - 1).ok()).isFalse();
            assertThat(results.get(results.size() - 1).message()).contains("broken.yaml:2");
            assertThat(ask()).isEqualTo(NEW);

            content.mended().kaggleAnswer(OLD);
            awaitAnswer(OLD);
        }
    }

    private String ask() {
        return serving.handle(new CommandRequest("ask", Map.of("question", "what is kaggle"),
                MemberId.console("ada"))).text();
    }

    private void awaitAnswer(String expected) throws InterruptedException {
        awaitTrue(() -> ask().equals(expected));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for the watcher").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
