package dev.mentorbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a process in the middle of its writes and checks that the SQLite database it
 * leaves behind opens, passes the full integrity check and holds every write it had committed.
 */
final class SqliteCrashSafetyTest {
    /** Enough writes that the kill lands well inside the loop, past SQLite's first WAL checkpoint. */
    private static final int WRITES_BEFORE_KILL = 1_000;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aKilledWriterLeavesASoundDatabaseWithEveryCommittedWrite() throws Exception {
        Path dataDirectory = temp.resolve("data");
        // Output to a file, not a pipe: destroyForcibly() closes our end of the pipes, which would
        // lose the ids printed just before the kill, the most interesting ones.
        Path stdout = temp.resolve("writer.out");
        Path stderr = temp.resolve("writer.err");
        Process writer = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dataDirectory.toString())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (committedIds(stdout).size() < WRITES_BEFORE_KILL && writer.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(writer.isAlive()).as("writer still writing; its stderr: %s", Files.readString(stderr)).isTrue();
        writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close, mid-transaction.
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        List<Long> committed = committedIds(stdout);
        assertThat(committed).hasSizeGreaterThanOrEqualTo(WRITES_BEFORE_KILL);

        try (Database db = Database.open(DatabaseSettings.sqlite(dataDirectory))) {
            assertThat(db.integrityCheck().problems()).isEmpty();
            Set<String> items = db.progress().checklist(CrashingWriter.MEMBER, CrashingWriter.CHECKLIST).stream()
                    .map(ItemProgress::itemId).collect(Collectors.toSet());
            for (long id : committed) {
                assertThat(items).as("committed write %d", id).contains("item-" + id);
            }
            assertThat(db.feedback().countsFor("source-crash").helpful())
                    .as("every committed vote").isGreaterThanOrEqualTo(committed.size());
        }
    }

    /** The ids on complete lines; a line cut off by the kill has no newline yet and is skipped. */
    private static List<Long> committedIds(Path stdout) throws IOException {
        String text = Files.readString(stdout, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return text.substring(0, end).lines().map(String::strip).map(Long::parseLong).toList();
    }
}
