package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's own Logback file ({@code -Dlogback.configurationFile}) is what logs, in a JVM of
 * its own as an operator starts the bot: its appender and levels stay; without it, the bot's own
 * stderr format applies.
 */
class LoggingProcessTest {
    @TempDir
    Path dir;

    private Process start(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MentorBotCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("MENTOR_BOT_DATA_DIR", dir.resolve("data").toString());
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p;
    }

    @Test
    void theOperatorsOwnLogbackFileDecidesWhereAndWhatIsLogged() throws Exception {
        Path log = dir.resolve("mentor-bot.log");
        Path config = Files.writeString(dir.resolve("logback-ops.xml"), """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>OPS %%level %%logger - %%msg%%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(log));

        // progress opens the database: the bot logs that at info, and Flyway its migrations at info.
        Process p = start(List.of("-Dlogback.configurationFile=" + config), "--log-format", "json", "--log-level", "error",
                "progress");

        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(log)).as("the operator's appender, format and levels")
                .contains("OPS INFO dev.mentorbot.state.Database - Opened SQLite database")
                .contains("OPS INFO org.flywaydb.core.internal.command.DbMigrate - Migrating schema");
        assertThat(Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8))
                .as("nothing replaced it with the bot's stderr appender").isEmpty();
    }

    @Test
    void withoutOneTheBotsOwnOptionsApply() throws Exception {
        Process p = start(List.of(), "--log-format", "json", "--log-level", "info", "progress");

        assertThat(p.exitValue()).isZero();
        String stderr = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(stderr.lines().filter(l -> l.contains("Opened SQLite database")).toList()).singleElement()
                .satisfies(line -> assertThat(Cli.parseLine(line).path("level").asText()).isEqualTo("INFO"));
    }
}
