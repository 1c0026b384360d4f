package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs, as a shell script or a process supervisor starts them: eight at once on a fresh
 * data directory all migrate it (in turn) and succeed, with nothing on stderr; and the natives the
 * libraries unpack stay under the data directory, out of the home directory's caches.
 */
class StartTogetherProcessTest {
    private static final int PROCESSES = 8;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void eightProcessesOnAFreshDataDirectoryAllSucceedQuietly() throws Exception {
        Path data = dir.resolve("data");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            ProcessBuilder pb = mentorBot(data, "--user", "member" + i, "--lexical-only", "tick", "math", "1");
            pb.redirectOutput(dir.resolve("out" + i + ".txt").toFile());
            pb.redirectError(dir.resolve("err" + i + ".txt").toFile());
            processes.add(pb.start());
        }
        for (int i = 0; i < PROCESSES; i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(4, TimeUnit.MINUTES)).as("process %d finished", i).isTrue();
            String err = Files.readString(dir.resolve("err" + i + ".txt"));
            assertThat(p.exitValue()).as("process %d exit; stderr:%n%s", i, err).isZero();
            // The test classpath logs at info; the jar logs warnings and errors only. Neither may appear.
            assertThat(err).as("process %d stderr", i).doesNotContain("ERROR").doesNotContain("WARN")
                    .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("locked");
            assertThat(Files.readString(dir.resolve("out" + i + ".txt"))).contains("1/");
        }
        // Every tick is there: run once more and look at one member's progress.
        Process check = mentorBot(data, "--user", "member7", "--lexical-only", "progress")
                .redirectErrorStream(true).start();
        String progress = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(progress).contains("1/8");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theTokenizersNativesStayUnderTheDataDirectory() throws Exception {
        Path data = dir.resolve("data");
        Path home = Files.createDirectory(dir.resolve("home"));
        ProcessBuilder pb = mentorBot(data, "ask", "how much do ml engineers earn");
        pb.command().add(1, "-Duser.home=" + home);
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().remove("DJL_CACHE_DIR");
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        assertThat(out).contains("$");

        assertThat(Files.exists(home.resolve(".cache"))).as("no ~/.cache/JNA").isFalse();
        assertThat(Files.exists(home.resolve(".djl.ai"))).as("no ~/.djl.ai").isFalse();
        assertThat(Files.isDirectory(data.resolve("djl").resolve("jna"))).isTrue();
        try (Stream<Path> left = Files.list(data.resolve("native").resolve("sqlite"))) {
            assertThat(left).as("the process removed its SQLite folder on exit").isEmpty();
        }
    }

    private static ProcessBuilder mentorBot(Path data, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), MentorBotCli.class.getName(),
                "--data-dir", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("MENTOR_BOT_CONFIG");
        return pb;
    }
}
