package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code completion}: the script it prints, sourced into a real bash, completes commands,
 * subcommands, options and {@code help}'s command names as a user pressing Tab would see.
 */
class CompletionCliTest {
    @TempDir
    static Path dir;

    private static Path script;

    @BeforeAll
    static void writeTheScript() throws IOException {
        Cli.Result r = Cli.run("completion");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("complete -F _complete_mentor-bot");
        script = Files.writeString(dir.resolve("mentor-bot.bash"), r.out());
    }

    /** What bash offers after the given words (the last one is being typed). */
    private static String complete(String... words) throws Exception {
        String line = String.join(" ", words);
        // compopt only works inside a real Tab press; outside one it complains, so it is a no-op here.
        String program = "compopt() { :; }; source '" + script + "'; COMP_WORDS=(" + quoted(words) + "); "
                + "COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; "
                + "_complete_mentor-bot mentor-bot \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '";
        Process bash = new ProcessBuilder("bash", "--norc", "-c", program).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static String quoted(String[] words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append('\'').append(w).append("' ");
        }
        return b.toString();
    }

    @Test
    void commandsSubcommandsAndOptionsComplete() throws Exception {
        assertThat(complete("mentor-bot", "ba")).isEqualTo("backup");
        assertThat(complete("mentor-bot", "c")).isEqualTo("chat check-content checkin checklist completion config");
        assertThat(complete("mentor-bot", "config", "")).contains("check").contains("show");
        assertThat(complete("mentor-bot", "ask", "--j")).isEqualTo("--json");
        assertThat(complete("mentor-bot", "health", "--admin-")).isEqualTo("--admin-host --admin-port");
        assertThat(complete("mentor-bot", "--log-f")).isEqualTo("--log-format");
    }

    @Test
    void helpCompletesTheNamesOfCommands() throws Exception {
        assertThat(complete("mentor-bot", "help", "ro")).isEqualTo("roadmap");
        assertThat(complete("mentor-bot", "help", "he")).isEqualTo("health help");
    }
}
