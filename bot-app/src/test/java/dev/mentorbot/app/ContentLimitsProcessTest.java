package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content that would exhaust a 256 MB heap (a 50 MB article, a 50 MB single line, 10,000 small
 * files) is refused with one line per problem in a separate JVM started with -Xmx256m: no
 * OutOfMemoryError, no stack trace, and quickly, because nothing too big is ever read.
 */
class ContentLimitsProcessTest {
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void hugeFilesAndHugeFoldersAreRefusedClearlyInA256MbHeap() throws Exception {
        Path big = Files.createDirectory(dir.resolve("big"));
        try (Writer w = Files.newBufferedWriter(big.resolve("article.md"), StandardCharsets.UTF_8)) {
            String paragraph = "Machine learning engineers build and deploy models that learn from data. ".repeat(10);
            w.write("# A very long article\n\n");
            for (long written = 0; written < FIFTY_MB; written += paragraph.length() + 2) {
                w.write(paragraph);
                w.write("\n\n");
            }
        }
        try (OutputStream out = Files.newOutputStream(big.resolve("one-line.txt"))) {
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }
        Path many = Files.createDirectory(dir.resolve("many"));
        for (int i = 0; i < 10_000; i++) {
            Files.writeString(many.resolve("note-" + i + ".txt"), "Note " + i + "\n\nA note about ML careers.\n");
        }

        Run checked = run("check-content", big.toString());
        assertThat(checked.exit).as(checked.err).isEqualTo(1);
        assertThat(checked.err).contains("article.md: is 50.0 MB; the limit is 1.0 MB (content.max-file-kb)")
                .contains("one-line.txt: is 50.0 MB; the limit is 1.0 MB (content.max-file-kb)")
                .contains("Limits: files up to 1024 KB (content.max-file-kb), at most 1000 files (content.max-files)");

        Run folder = run("check-content", many.toString());
        assertThat(folder.exit).as(folder.err).isEqualTo(1);
        assertThat(folder.err).contains("10000 content files (.md, .txt, .yaml); the limit is 1000 (content.max-files)");

        Run asked = run("--content", many.toString(), "--lexical-only", "ask", "how much do ml engineers earn");
        assertThat(asked.exit).as(asked.err).isEqualTo(2);
        assertThat(asked.err).startsWith("Cannot use the content: ");

        for (Run r : List.of(checked, folder, asked)) {
            assertThat(r.err + r.out).doesNotContain("OutOfMemoryError").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(r.millis).as("refused without reading everything").isLessThan(60_000);
        }
    }

    private record Run(int exit, String out, String err, long millis) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), MentorBotCli.class.getName(),
                "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("MENTOR_BOT_CONFIG");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(err), (System.nanoTime() - t0) / 1_000_000);
    }
}
