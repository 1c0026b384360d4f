package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.command.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage, version, argument and start-up errors: clear messages, the right exit code, never a stack trace. */
class UsageCliTest {

    @Test
    void helpOptionListsEveryCommandAndTheGlobalOptions() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Usage: mentor-bot");
        for (String option : new String[] {"--content=DIR", "--extra-content=DIR", "--lexical-only", "--user=NAME"}) {
            assertThat(r.out()).contains(option);
        }
        List<String> commands = new ArrayList<>(List.of("chat", "eval", "check-content", "bench"));
        Commands.standardSpecs().forEach(s -> commands.add(s.name()));
        assertThat(commands).contains("ask", "salary", "skills", "path", "roadmap", "checklist", "help");
        for (String command : commands) {
            assertThat(r.out()).containsPattern("(?m)^  " + Pattern.quote(command) + " +\\S");
        }
        assertThat(r.err()).isEmpty();
        r.assertNoStackTrace();
    }

    @Test
    void theUsageListsMemberCommandsApartFromAdminTools() {
        String out = Cli.run("--help").out();

        int members = out.indexOf("\nMember commands:\n");
        int admin = out.indexOf("\nAdmin tools:\n");
        assertThat(members).as(out).isPositive();
        assertThat(admin).as("admin tools come after the member commands").isGreaterThan(members);
        String memberPart = out.substring(members, admin);
        String adminPart = out.substring(admin);
        for (String command : List.of("ask", "roadmap", "tick", "next", "chat")) {
            assertThat(memberPart).containsPattern("(?m)^  " + command + " +\\S");
        }
        for (String command : List.of("run", "config", "report", "eval", "backup", "health", "completion")) {
            assertThat(adminPart).containsPattern("(?m)^  " + command + " +\\S");
            assertThat(memberPart).doesNotContainPattern("(?m)^  " + command + " ");
        }
    }

    @Test
    void helpCommandPrintsThatCommandsUsageAtAnyDepth() {
        Cli.Result ask = Cli.run("help", "ask");
        Cli.Result check = Cli.run("help", "config", "check");

        assertThat(ask.exit()).as(ask.toString()).isZero();
        assertThat(ask.out()).isEqualTo(Cli.run("ask", "--help").out()).startsWith("Usage: mentor-bot ask");
        assertThat(check.exit()).as(check.toString()).isZero();
        assertThat(check.out()).startsWith("Usage: mentor-bot config check").contains("Validate a config file");
        assertThat(Cli.run("help").out()).as("plain help stays the bot's own help")
                .doesNotStartWith("Usage:").contains("roadmap");
    }

    @Test
    void helpForACommandThatDoesNotExistSaysWhichExist() {
        Cli.Result top = Cli.run("help", "bogus");
        Cli.Result nested = Cli.run("help", "config", "bogus");

        assertThat(top.exit()).isEqualTo(2);
        assertThat(top.out()).isEmpty();
        assertThat(top.err()).startsWith("There is no command 'bogus'. Commands: run, reload, config,")
                .contains(" ask, ").endsWith(".\n");
        assertThat(nested.exit()).isEqualTo(2);
        assertThat(nested.err()).isEqualTo("There is no command 'bogus' under 'config'. Commands: check, show.\n");
        top.assertNoStackTrace();
    }

    @Test
    void subcommandHelpDescribesItsArguments() {
        Cli.Result r = Cli.run("ask", "--help");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .startsWith("Usage: mentor-bot ask")
                .contains("[QUESTION...]")
                .contains("--json")
                .contains("--explain")
                .contains("one JSON line per line of standard");
        r.assertNoStackTrace();
    }

    @Test
    void versionIsPrinted() {
        Cli.Result r = Cli.run("--version");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("mentor-bot ");
        r.assertNoStackTrace();
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitCode2() {
        Cli.Result r = Cli.run("bogus");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Unmatched argument at index").contains("'bogus'");
        r.assertNoStackTrace();
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        Cli.Result r = Cli.run("ask", "--bogus", "what is kaggle");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Usage: mentor-bot ask");
        r.assertNoStackTrace();
    }

    @Test
    void missingAndInvalidParametersAreUsageErrors() {
        Cli.Result noFile = Cli.run("eval");
        Cli.Result badBar = Cli.run("eval", "questions.jsonl", "--min", "lots");
        Cli.Result badSeconds = Cli.run("bench", "--seconds", "soon");

        assertThat(noFile.exit()).as(noFile.toString()).isEqualTo(2);
        assertThat(noFile.err()).contains("Missing required parameter: 'FILE'");
        assertThat(badBar.exit()).as(badBar.toString()).isEqualTo(2);
        assertThat(badBar.err()).contains("--min").contains("lots");
        assertThat(badSeconds.exit()).as(badSeconds.toString()).isEqualTo(2);
        assertThat(badSeconds.err()).contains("--seconds").contains("soon");
        noFile.assertNoStackTrace();
        badBar.assertNoStackTrace();
        badSeconds.assertNoStackTrace();
    }

    @Test
    void unusableDataDirIsAClearErrorWithExitCode2(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "not a folder");

        Cli.Result r = Cli.run("--data-dir", notADirectory.toString(), "--lexical-only", "ask", "what is kaggle");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Cannot use the database: ").contains(notADirectory.toString());
        r.assertNoStackTrace();
    }

    @Test
    void slackHttpModeWithoutTheBotTokenNamesWhatHttpModeNeeds(@TempDir Path dir) {
        Cli.Result r = Cli.runWithEnv(java.util.Map.of("SLACK_SIGNING_SECRET", "fixture-secret"),
                "--data-dir", dir.toString(), "--lexical-only", "run", "--slack-http-port", "0");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("slack: SLACK_BOT_TOKEN is not set: HTTP mode needs SLACK_BOT_TOKEN (the Bot User "
                + "OAuth Token, xoxb-..., from OAuth & Permissions) and SLACK_SIGNING_SECRET (the Signing Secret from "
                + "Basic Information).\n");
        r.assertNoStackTrace();
    }

    @Test
    void noArgumentsPrintsTheUsageOnTheGivenOutput() {
        Cli.Result r = Cli.run();

        assertThat(r.exit()).isZero();
        assertThat(r.systemOut()).isEmpty();
        assertThat(r.out()).startsWith("Usage: mentor-bot").contains("  ask ").contains("  roadmap ");
    }
}
