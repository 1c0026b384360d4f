package dev.mentorbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorbot.content.ContentLoader;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.eval.Evaluator;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.Embedder;
import dev.mentorbot.retrieval.KnowledgeIndex;
import dev.mentorbot.retrieval.Turn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: how fast and how big the bot is on this machine. Measures start-up to first
 * answer, index build, per-answer latency (p50/p99, warmed, repeated) and answers per second on
 * 1 and 2 threads, for hybrid and lexical-only search, and heap/RSS.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark start-up, index build, answer latency and throughput, memory.")
final class BenchCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "Measured seconds per scenario (default: ${DEFAULT-VALUE}); warm-up is as long.")
    double seconds;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> questions = questions();
        ObjectNode result = new ObjectMapper().createObjectNode();

        // Start-up: the same work `ask` does, timed from the JVM's own start.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        List<Path> folders = MentorRuntime.folders(root.content, root.extraContent);
        KnowledgeBase kb = new ContentLoader().load(folders);
        long contentMs = ms(t0);
        long t1 = System.nanoTime();
        Optional<Embedder> embedder = root.lexicalOnly ? Optional.empty()
                : MentorRuntime.embedder(folders, root.dataDirectory());
        long modelMs = ms(t1);
        long t2 = System.nanoTime();
        KnowledgeIndex index = KnowledgeIndex.build(kb, embedder);
        long indexMs = ms(t2);
        AnswerEngine engine = new AnswerEngine(kb, index);
        engine.answer(questions.get(0));
        long firstAnswerMs = System.currentTimeMillis() - jvmStart;
        result.put("passages", kb.passageCount()).put("vectors", index.vectorCount())
                .put("contentLoadMs", contentMs).put("modelLoadMs", modelMs).put("indexBuildMs", indexMs)
                .put("startToFirstAnswerMs", firstAnswerMs);

        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario(embedder.isEmpty() ? "lexical-only" : "hybrid", asking(engine, questions)));
        // A follow-up costs more than a fresh question: its own words are embedded too.
        scenarios.add(new Scenario(embedder.isEmpty() ? "lexical-only follow-up" : "hybrid follow-up",
                followingUp(engine, followUps())));
        if (embedder.isPresent()) {
            KnowledgeIndex lexical = KnowledgeIndex.build(kb, Optional.empty());
            scenarios.add(new Scenario("lexical-only", asking(new AnswerEngine(kb, lexical), questions)));
        }
        for (Scenario s : scenarios) {
            ObjectNode node = result.putObject(s.name());
            for (int threads : new int[] {1, 2}) {
                run(s.asks(), threads, seconds); // warm-up, discarded
                Measurement m = run(s.asks(), threads, seconds);
                node.putObject(threads + "-thread")
                        .put("answers", m.count())
                        .put("answersPerSecond", round(m.count() / m.seconds()))
                        .put("p50Ms", round(m.percentile(0.50)))
                        .put("p99Ms", round(m.percentile(0.99)))
                        .put("maxMs", round(m.percentile(1.0)));
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        result.put("heapUsedMb", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024))
                .put("rssMb", procStatusMb("VmRSS")).put("peakRssMb", procStatusMb("VmHWM"))
                .put("cores", rt.availableProcessors());
        if (json) {
            out.println(result.toPrettyString());
        } else {
            print(out, result, scenarios);
        }
        return 0;
    }

    private static void print(PrintWriter out, ObjectNode r, List<Scenario> scenarios) {
        out.printf(Locale.ROOT, "content: %d passages, %d vectors; %d cores%n", r.get("passages").asInt(),
                r.get("vectors").asInt(), r.get("cores").asInt());
        out.printf(Locale.ROOT, "start-up: content %d ms, model %d ms, index build %d ms; first answer %d ms after JVM start%n",
                r.get("contentLoadMs").asLong(), r.get("modelLoadMs").asLong(), r.get("indexBuildMs").asLong(),
                r.get("startToFirstAnswerMs").asLong());
        for (Scenario s : scenarios) {
            for (String t : List.of("1-thread", "2-thread")) {
                var n = r.get(s.name()).get(t);
                out.printf(Locale.ROOT, "%-22s %s: p50 %.3f ms, p99 %.3f ms, max %.3f ms, %.0f answers/s%n",
                        s.name(), t, n.get("p50Ms").asDouble(), n.get("p99Ms").asDouble(), n.get("maxMs").asDouble(),
                        n.get("answersPerSecond").asDouble());
            }
        }
        out.printf(Locale.ROOT, "memory: heap used %d MB after GC, RSS %d MB (peak %d MB)%n",
                r.get("heapUsedMb").asLong(), r.get("rssMb").asLong(), r.get("peakRssMb").asLong());
    }

    /** The i-th answer of a scenario: fresh questions round-robin. */
    private static IntConsumer asking(AnswerEngine engine, List<String> questions) {
        return i -> engine.answer(questions.get(i % questions.size()));
    }

    /** The i-th answer of a follow-up scenario: each follow-up after its earlier question's turn. */
    private static IntConsumer followingUp(AnswerEngine engine, List<String[]> pairs) {
        List<List<Turn>> earlier = pairs.stream().map(p -> Evaluator.conversation(engine, List.of(p[0]))).toList();
        return i -> engine.answer(pairs.get(i % pairs.size())[1], earlier.get(i % pairs.size()));
    }

    /** Runs a scenario's answers round-robin on N threads for a while, timing every answer. */
    private static Measurement run(IntConsumer asks, int threads, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    long[] samples = new long[1 << 16];
                    int n = 0;
                    for (int i = offset; System.nanoTime() < end; i++) {
                        long s = System.nanoTime();
                        asks.accept(i);
                        long d = System.nanoTime() - s;
                        if (n == samples.length) {
                            samples = Arrays.copyOf(samples, n * 2);
                        }
                        samples[n++] = d;
                    }
                    return Arrays.copyOf(samples, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Measurement(merged, elapsed);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> questions() throws Exception {
        return lines("/bench-questions.txt");
    }

    private static List<String[]> followUps() throws Exception {
        return lines("/bench-follow-ups.txt").stream().map(l -> l.split(" => ", 2)).toList();
    }

    /** A bundled list's lines, without blank lines and "# " comments. */
    private static List<String> lines(String resource) throws Exception {
        try (var reader = new BufferedReader(new InputStreamReader(BenchCli.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("# ")).toList();
        }
    }

    private static long procStatusMb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // Not Linux: memory figures from /proc are unavailable.
        }
        return -1;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private record Scenario(String name, IntConsumer asks) {
    }

    private record Measurement(long[] sortedNanos, double seconds) {
        int count() {
            return sortedNanos.length;
        }

        double percentile(double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
        }
    }
}
