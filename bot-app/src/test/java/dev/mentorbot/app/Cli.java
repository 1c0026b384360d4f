package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link MentorBotCli#run} in-process the way a user runs the jar, and captures everything
 * the user would see: the CLI's own out/err writers, anything written straight to
 * {@code System.out}/{@code System.err} (logs, stray prints), and the exit code.
 *
 * <p>Every run gets its own fresh {@code --data-dir} (a temporary folder), so tests never touch the
 * member database in the user's home and never see each other's progress or question log.
 *
 * <p>{@code System.in} is always replaced for the duration of a run (empty unless the test gives
 * input), so a command that reads standard input can never block on, or steal from, the test
 * runner's own standard input.
 */
final class Cli {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The bundled knowledge base as a folder, from the module's working directory under Maven. */
    static final Path BUNDLED_CONTENT = Path.of("..", "content", "src", "main", "resources", "mentor-content");

    private Cli() {
    }

    /** What one run showed the user. */
    record Result(int exit, String out, String err, String systemOut, String systemErr) {
        /** Lines of the CLI's standard output. */
        List<String> outLines() {
            return out.lines().toList();
        }

        /** All of standard output parsed as one JSON document. */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not one JSON document:\n" + out, e);
            }
        }

        /** No stack trace or raw exception name anywhere the user can see it. */
        Result assertNoStackTrace() {
            for (String stream : List.of(out, err, systemOut, systemErr)) {
                assertThat(stream).doesNotContain("\tat ").doesNotContain("Exception");
            }
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out ---\n" + out + "\n--- err ---\n" + err
                    + "\n--- System.out ---\n" + systemOut + "\n--- System.err ---\n" + systemErr;
        }
    }

    /** Parent of the per-run data folders; removed when the test JVM exits. */
    private static Path dataRoot;

    static Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs with the given text as standard input. */
    static Result runWithInput(String stdin, String... args) {
        return runWith(stdin, System.getenv(), withDataDir(args));
    }

    /**
     * Runs with this environment instead of the process's, and the arguments exactly as given (no
     * {@code --data-dir} added: the test decides where the data goes, by option, variable or file).
     */
    static Result runWithEnv(Map<String, String> env, String... args) {
        return runWith("", env, args);
    }

    private static Result runWith(String stdin, Map<String, String> env, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int exit;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
            PrintWriter o = new PrintWriter(out, true);
            PrintWriter e = new PrintWriter(err, true);
            exit = MentorBotCli.run(args, o, e, env);
            o.flush();
            e.flush();
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(exit, out.toString(), err.toString(), sysOut.toString(StandardCharsets.UTF_8),
                sysErr.toString(StandardCharsets.UTF_8));
    }

    /**
     * The arguments with a fresh {@code --data-dir} in front (a global option, so valid before any
     * command), unless the test chose its own.
     */
    private static String[] withDataDir(String[] args) {
        for (String a : args) {
            if (a.equals("--data-dir") || a.startsWith("--data-dir=")) {
                return args;
            }
        }
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = freshDataDir().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    private static synchronized Path freshDataDir() {
        try {
            if (dataRoot == null) {
                dataRoot = Files.createTempDirectory("mentor-bot-cli-test");
                Path root = dataRoot;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
            }
            return Files.createTempDirectory(dataRoot, "data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // Best effort: the folder is under the system temp directory anyway.
        }
    }

    /** Parses one line of JSON, failing the test with the line when it does not parse. */
    static JsonNode parseLine(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** Writes a file (and its folders) under a root; returns the file. */
    static Path write(Path root, String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
