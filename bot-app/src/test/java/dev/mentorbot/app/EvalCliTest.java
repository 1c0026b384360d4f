package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval FILE [--min P] [--all]}: scoring a question set, and rejecting bad sets clearly. */
class EvalCliTest {
    /** Same format as the content module's regression set: id, q, expect (groups of regexes), answered. */
    static final String PASSING_SET = """
            {"id": "t001", "q": "hey how much do ml engineers make in the us?", "expect": [["105[,. ]?000|105\\\\s?k|160[,. ]?000"]], "answered": true}
            {"id": "t002", "q": "what is kaggle", "expect": [["kaggle"], ["competition|dataset"]], "answered": true}
            {"id": "t003", "q": "do I need a degree to become a deep learning engineer", "expect": [["degree"]], "answered": true}

            {"id": "o001", "q": "how do I bake a cake", "expect": null, "answered": false}
            {"id": "o002", "q": "what is the weather in paris tomorrow", "expect": null, "answered": false}
            """;

    static final String FAILING_SET = """
            {"id": "t002", "q": "what is kaggle", "expect": [["kaggle"]], "answered": true}
            {"id": "f001", "q": "what is kaggle", "expect": [["zebra-unicorn-never-in-an-answer"]], "answered": true}
            """;

    @Test
    void passingSetPrintsEveryItemWithAllAndTheScoreLine(@TempDir Path dir) {
        Path file = Cli.write(dir, "questions.jsonl", PASSING_SET);

        Cli.Result r = Cli.run("eval", file.toString(), "--all", "--min", "100");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("PASS t001: hey how much do ml engineers make in the us?")
                .contains("PASS t002: what is kaggle")
                .contains("PASS t003: ")
                .contains("PASS o001: how do I bake a cake")
                .contains("     expected: a decline")
                .contains("     got (declined, score 0.000)")
                .contains("     got (answered, score ")
                .doesNotContain("MISS ")
                .contains("score: 5/5 = 100.0% (hybrid, bundled content)");
        assertThat(r.outLines().get(r.outLines().size() - 1)).startsWith("score: ");
        assertThat(r.err()).isEmpty();
        r.assertNoStackTrace();
    }

    @Test
    void scoreBelowTheBarExitsWith1AndShowsTheMiss(@TempDir Path dir) {
        Path file = Cli.write(dir, "failing.jsonl", FAILING_SET);

        Cli.Result r = Cli.run("eval", file.toString(), "--min", "100");

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .contains("MISS f001: what is kaggle")
                .contains("     expected: an answer matching [[zebra-unicorn-never-in-an-answer]]")
                .contains("     got (answered, score ")
                .as("without --all, passing items are not listed").doesNotContain("PASS ")
                .contains("score: 1/2 = 50.0% (hybrid, bundled content)");
        assertThat(r.err()).contains("score 50.0% is below the bar of 100.0%");
        r.assertNoStackTrace();
    }

    @Test
    void barAsAFractionAndLexicalOnlyModeAreHonoured(@TempDir Path dir) {
        Path file = Cli.write(dir, "failing.jsonl", FAILING_SET);

        Cli.Result r = Cli.run("--lexical-only", "eval", file.toString(), "--min", "0.5");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("score: 1/2 = 50.0% (lexical-only, bundled content)");
        assertThat(r.err()).isEmpty();
        r.assertNoStackTrace();
    }

    @Test
    void badRegexIsRejectedWithFileAndLineAndExitCode2(@TempDir Path dir) {
        Path file = Cli.write(dir, "bad-regex.jsonl", """
                {"id": "a", "q": "what is kaggle", "expect": [["kaggle"]]}
                {"id": "b", "q": "what is kaggle", "expect": [["(unclosed"]]}
                """);

        Cli.Result r = Cli.run("eval", file.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(file + ":2: bad regex: Unclosed group");
        r.assertNoStackTrace();
    }

    @Test
    void badJsonIsRejectedWithFileAndLineAndExitCode2(@TempDir Path dir) {
        Path file = Cli.write(dir, "bad-json.jsonl", """
                {"id": "a", "q": "what is kaggle", "expect": [["kaggle"]]}

                {"id": "b", "q":
                """);

        Cli.Result r = Cli.run("eval", file.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Cannot read the question set: ").contains(file + ":3: ");
        r.assertNoStackTrace();
    }

    @Test
    void itemWithoutQuestionIsRejectedWithFileAndLine(@TempDir Path dir) {
        Path file = Cli.write(dir, "no-q.jsonl", """
                {"id": "a", "question": "what is kaggle", "expect": [["kaggle"]]}
                """);

        Cli.Result r = Cli.run("eval", file.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(file + ":1: expected an object with a text field \"q\"");
        r.assertNoStackTrace();
    }

    @Test
    void missingFileExitsWith2(@TempDir Path dir) {
        Path missing = dir.resolve("nope.jsonl");

        Cli.Result r = Cli.run("eval", missing.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("No such question file: " + missing);
        r.assertNoStackTrace();
    }

    @Test
    void emptyFileExitsWith2(@TempDir Path dir) {
        Path file = Cli.write(dir, "empty.jsonl", "\n\n");

        Cli.Result r = Cli.run("eval", file.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(file + ": no questions in the file");
        r.assertNoStackTrace();
    }

    @Test
    void nonUtf8FileIsRejectedWithAMessageNamingTheFileAndTheEncoding(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file,
                "{\"id\": \"a\", \"q\": \"caf\u00e9 salary\"}\n".getBytes(StandardCharsets.ISO_8859_1));

        Cli.Result r = Cli.run("eval", file.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(file.toString()).containsIgnoringCase("UTF-8");
    }

    @Test
    void folderInsteadOfFileIsBadInputWithExitCode2(@TempDir Path dir) {
        Cli.Result r = Cli.run("eval", dir.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(dir.toString());
    }
}
