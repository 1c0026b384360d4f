package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.command.Reply;
import dev.mentorbot.content.ChecklistItem;
import dev.mentorbot.retrieval.Passage;
import dev.mentorbot.serve.CoreMetrics;
import dev.mentorbot.serve.RateLimitSettings;
import dev.mentorbot.serve.RateLimiter;
import dev.mentorbot.serve.ServingCore;
import dev.mentorbot.slack.FakeSlackApi;
import dev.mentorbot.slack.RequestSignature;
import dev.mentorbot.slack.SlackAdapter;
import dev.mentorbot.slack.SlackSettings;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberDataCounts;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 members at once on loopback, through the core and through the Slack HTTP path (real Bolt
 * and Jetty, signed requests, answers posted to a fake response_url). Each member asks, ticks
 * checklist items and votes on answers without pause. Asserts what members would notice: no
 * error reply, and every progress and feedback write in the database afterwards. Latency
 * percentiles are printed, not asserted: this is a load test, not a timing test.
 *
 * <p>CI runs it for a few seconds; {@code -Dload.seconds=30} runs the full measurement (README).
 * Rate limits are raised for the run, since 200 members asking without pause is what they stop.
 */
class LoadLoopbackTest {
    private static final int MEMBERS = 200;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("load.seconds", 3));
    private static final List<String> QUESTIONS = List.of("how much does a deep learning engineer earn",
            "what skills do I need for machine learning", "how long does it take to become an ML engineer",
            "what does a deep learning engineer do", "do I need a PhD", "which maths should I learn first");
    private static final RateLimitSettings UNLIMITED = new RateLimitSettings(1_000_000, 1_000_000, 1_000_000);

    @TempDir
    static Path dir;

    private static Database db;
    private static MentorRuntime runtime;
    private static ServingCore serving;
    private static List<ChecklistItemRef> items;
    private static List<String> passages;

    /** One checklist item, as tick takes it. */
    private record ChecklistItemRef(String checklist, String item) {
    }

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(DatabaseSettings.sqlite(dir.resolve("data")));
        runtime = MentorRuntime.start(null, List.of(), false);
        Commands commands = Commands.standard(new CoreContext(runtime.kb(), runtime.engine(), Stores.of(db),
                QuestionPrivacy.HASHED, Clock.systemUTC()));
        serving = new ServingCore(commands, new RateLimiter(UNLIMITED), CoreMetrics.discarded());
        items = runtime.kb().checklists().stream()
                .flatMap(c -> c.items().stream().map((ChecklistItem i) -> new ChecklistItemRef(c.id(), i.id())))
                .toList();
        passages = runtime.index().passages().stream().map(Passage::id).toList();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** What one path did: latencies in microseconds and the replies that were errors. */
    private static final class Tally {
        final List<long[]> latencies = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final AtomicLong requests = new AtomicLong();

        String percentiles() {
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v >= 0).sorted().toArray();
            return String.format("%d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms", all.length,
                    at(all, 0.50) / 1000.0, at(all, 0.99) / 1000.0, all.length == 0 ? 0 : all[all.length - 1] / 1000.0);
        }

        private static long at(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
        }
    }

    /** Sends one member request the way the path under test does; returns the reply's text or an error. */
    @FunctionalInterface
    private interface MemberPath {
        Optional<String> send(MemberId member, String command, Map<String, String> options, String slashText)
                throws Exception;
    }

    /**
     * Runs every member's loop for the run time. Member {@code m}'s i-th round asks, ticks item i
     * and votes on passage i, so after n rounds the database must hold exactly min(n, items)
     * ticks and min(n, passages) votes for that member.
     */
    private static Tally load(String platform, MemberPath path) throws Exception {
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(MEMBERS);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong end = new AtomicLong();
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            MemberId member = new MemberId(platform, "TLOAD", "U" + m);
            rounds.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                Arrays.fill(mine, -1);
                int n = 0;
                int round = 0;
                go.await();
                // Every member finishes at least one round, however slow the machine is to start 200 threads.
                do {
                    String q = QUESTIONS.get(round % QUESTIONS.size());
                    ChecklistItemRef item = items.get(round % items.size());
                    String passage = passages.get(round % passages.size());
                    n = timed(tally, mine, n, path, member, "ask", Map.of("question", q), "ask " + q);
                    n = timed(tally, mine, n, path, member, "tick",
                            Map.of("topic", item.checklist(), "item", item.item()),
                            "tick " + item.checklist() + " " + item.item());
                    n = timed(tally, mine, n, path, member, "feedback",
                            Map.of("vote", "helpful", "answer", passage, "question", q),
                            "feedback helpful " + passage + " " + q);
                    round++;
                } while (System.nanoTime() < end.get());
                tally.latencies.add(mine);
                return round;
            }));
        }
        end.set(System.nanoTime() + RUN.toNanos());
        go.countDown();
        for (int m = 0; m < MEMBERS; m++) {
            int done = rounds.get(m).get(RUN.toSeconds() + 120, TimeUnit.SECONDS);
            MemberDataCounts counts = db.members().count(new MemberId(platform, "TLOAD", "U" + m));
            assertThat(counts.progressItems()).as("ticks stored for member %d after %d rounds", m, done)
                    .isEqualTo(Math.min(done, items.size()));
            assertThat(counts.feedbackVotes()).as("votes stored for member %d after %d rounds", m, done)
                    .isEqualTo(Math.min(done, passages.size()));
        }
        pool.shutdown();
        return tally;
    }

    private static int timed(Tally tally, long[] mine, int n, MemberPath path, MemberId member, String command,
                             Map<String, String> options, String slashText) throws Exception {
        long t0 = System.nanoTime();
        Optional<String> error = path.send(member, command, options, slashText);
        long micros = (System.nanoTime() - t0) / 1_000;
        error.ifPresent(e -> tally.errors.add(member.userId() + " " + command + ": " + e));
        tally.requests.incrementAndGet();
        if (n < mine.length) {
            mine[n] = micros;
        }
        return n + 1;
    }

    @Test
    void twoHundredMembersThroughTheCore() throws Exception {
        Tally tally = load("console", (member, command, options, text) -> {
            Reply r = serving.handle(new CommandRequest(command, options, member));
            return r.kind() == Reply.Kind.ERROR ? Optional.of(r.text()) : Optional.empty();
        });
        System.out.println("LOAD core, " + MEMBERS + " concurrent members, " + RUN.toSeconds() + " s: "
                + tally.percentiles());
        assertThat(tally.errors).isEmpty();
        // Every member finished at least one full round (ask, tick, vote).
        assertThat(tally.requests.get()).isGreaterThanOrEqualTo(MEMBERS * 3L);
    }

    @Test
    void twoHundredMembersThroughSlackHttp() throws Exception {
        String secret = "load-signing-secret";
        RequestSignature signer = new RequestSignature(secret);
        Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
        try (FakeSlackApi api = new FakeSlackApi()) {
            api.keepCalls = false;
            api.onCall = call -> {
                if (call.method().equals("respond")) {
                    CompletableFuture<String> f = pending.remove(call.params().get("response_id"));
                    if (f != null) {
                        f.complete(call.body());
                    }
                }
            };
            Map<String, String> env = Map.of(SlackSettings.BOT_TOKEN, "xoxb-load", SlackSettings.SIGNING_SECRET, secret,
                    SlackSettings.HTTP_PORT, "0", SlackSettings.HTTP_HOST, "127.0.0.1",
                    SlackSettings.API_URL, api.apiUrl());
            SlackAdapter adapter = SlackAdapter.fromEnv(env, serving::handle, serving.specs(), Optional.of(db.processedEvents()));
            adapter.start();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
            URI events = URI.create("http://127.0.0.1:" + adapter.httpPort() + SlackAdapter.EVENTS_PATH);
            AtomicLong ids = new AtomicLong();
            try {
                Tally tally = load("slack", (member, command, options, text) -> {
                    String id = Long.toString(ids.incrementAndGet());
                    CompletableFuture<String> answer = new CompletableFuture<>();
                    pending.put(id, answer);
                    // Members vote with the buttons under an answer: feedback is never typed.
                    String body = command.equals("feedback")
                            ? "payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"team\":{\"id\":\""
                                    + member.workspace() + "\"},\"user\":{\"id\":\"" + member.userId() + "\",\"team_id\":\""
                                    + member.workspace() + "\"},\"api_app_id\":\"A1\",\"token\":\"legacy\","
                                    + "\"container\":{\"type\":\"message\",\"message_ts\":\"1.2\",\"channel_id\":\"C1\"},"
                                    + "\"trigger_id\":\"t" + id + "\",\"channel\":{\"id\":\"C1\"},\"response_url\":\""
                                    + api.responseUrl(id) + "\",\"actions\":[{\"action_id\":\"mentor:feedback-0\","
                                    + "\"block_id\":\"feedback\",\"type\":\"button\",\"value\":\"feedback:helpful:*:"
                                    + options.get("answer") + "|" + options.get("question") + "\",\"action_ts\":\"1.3\"}]}",
                                    StandardCharsets.UTF_8)
                            : "command=%2Fmentor&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                            + "&team_id=" + member.workspace() + "&user_id=" + member.userId()
                            + "&channel_id=C1&trigger_id=t" + id + "&response_url="
                            + URLEncoder.encode(api.responseUrl(id), StandardCharsets.UTF_8);
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    String ts = Long.toString(Instant.now().getEpochSecond());
                    HttpResponse<String> ack = http.send(HttpRequest.newBuilder(events)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Slack-Request-Timestamp", ts)
                            .header("X-Slack-Signature", signer.sign(ts, bytes))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (ack.statusCode() != 200) {
                        return Optional.of("HTTP " + ack.statusCode() + " " + ack.body());
                    }
                    String posted = answer.get(30, TimeUnit.SECONDS);
                    return posted.contains(":warning:") ? Optional.of(posted) : Optional.empty();
                });
                System.out.println("LOAD slack-http, " + MEMBERS + " concurrent members, " + RUN.toSeconds()
                        + " s (signed POST to answer at response_url): " + tally.percentiles());
                assertThat(tally.errors).isEmpty();
                assertThat(tally.requests.get()).isGreaterThanOrEqualTo(MEMBERS * 3L);
            } finally {
                adapter.close();
            }
        }
    }
}
