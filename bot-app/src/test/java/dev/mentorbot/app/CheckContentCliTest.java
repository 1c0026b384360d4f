package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-content DIR [--with-bundled]}: what an admin sees when validating a folder. */
class CheckContentCliTest {
    private static final String OK_LINE = "OK: (\\d+) articles, (\\d+) FAQ entries, (\\d+) passages in all, "
            + "(\\d+) roadmaps, (\\d+) checklists, (\\d+) sources";

    /** A folder with one problem of each kind; line numbers in comments are what the loader reports. */
    static void writeBrokenFolder(Path dir) {
        Cli.write(dir, "sources.yaml", """
                - id: published-report
                  kind: article
                  title: A published report
                - id: house-advice
                  kind: editorial
                  title: House advice
                """);
        // Line 2: a quoted scalar that is never closed.
        Cli.write(dir, "faq/bad-yaml.yaml", """
                - id: ok
                  question: "unclosed
                  answer: x
                """);
        // Line 5: the second entry has no answer.
        Cli.write(dir, "faq/missing.yaml", """
                - id: has-everything
                  question: Is this entry complete?
                  answer: Yes, this entry has every field it needs.
                  source: house-advice
                - id: no-answer-here
                  question: Where is my answer?
                  source: house-advice
                """);
        // Line 5: the same id again.
        Cli.write(dir, "faq/dupes.yaml", """
                - id: repeated-entry
                  question: What is a study group?
                  answer: A study group is a few members who learn one topic together.
                  source: house-advice
                - id: repeated-entry
                  question: What is a reading group?
                  answer: A reading group meets to discuss one paper together.
                  source: house-advice
                """);
        // Line 1: an editorial source may not carry a money figure.
        Cli.write(dir, "faq/figures.yaml", """
                - id: bootcamp-cost
                  question: How much does a bootcamp cost?
                  answer: A typical bootcamp costs about $5,000 in fees.
                  source: house-advice
                """);
        Cli.write(dir, "checklists/basics.yaml", """
                id: basics
                title: Basics
                source: house-advice
                items:
                  - id: read-a-book
                    text: Read one introductory book cover to cover
                """);
        // Line 9: a checklist that does not exist.
        Cli.write(dir, "roadmaps/track.yaml", """
                id: some-track
                title: Some track
                source: house-advice
                stages:
                  - id: start
                    title: Start here
                    checklists:
                      - basics
                      - no-such-checklist
                """);
    }

    @Test
    void bundledContentIsValid() {
        assertThat(Files.isDirectory(Cli.BUNDLED_CONTENT)).as("bundled content at " + Cli.BUNDLED_CONTENT.toAbsolutePath())
                .isTrue();

        Cli.Result r = Cli.run("check-content", Cli.BUNDLED_CONTENT.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("OK: ")
                .containsPattern(OK_LINE);
        assertThat(r.err()).isEmpty();
        r.assertNoStackTrace();
    }

    @Test
    void brokenFolderListsEveryProblemWithFileAndLineAndExitsWith1(@TempDir Path dir) {
        writeBrokenFolder(dir);

        Cli.Result r = Cli.run("check-content", dir.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("OK:");
        assertThat(r.err())
                .startsWith("5 problem(s) in " + dir + ":")
                .contains("  faq/bad-yaml.yaml:2: bad YAML")
                .contains("  faq/missing.yaml:5: missing required field 'answer'")
                .contains("faq/dupes.yaml:")
                .contains("duplicate FAQ id 'repeated-entry'")
                .contains("  faq/figures.yaml:1: figure '$5")
                .contains("cited to editorial source 'house-advice': figures must come from a published source")
                .contains("  roadmaps/track.yaml:9: stage 'start' links checklist 'no-such-checklist', which does not exist");
        assertThat(r.err().lines().filter(l -> l.startsWith("  "))).hasSize(5);
        r.assertNoStackTrace();
    }

    @Test
    void duplicateIdIsReportedAtTheLineOfTheDuplicate(@TempDir Path dir) {
        writeBrokenFolder(dir);

        Cli.Result r = Cli.run("check-content", dir.toString());

        assertThat(r.err()).contains("  faq/dupes.yaml:5: duplicate FAQ id 'repeated-entry'");
    }

    @Test
    void nonexistentFolderIsAClearMessageWithoutStackTrace(@TempDir Path dir) {
        Path missing = dir.resolve("does-not-exist");

        Cli.Result r = Cli.run("check-content", missing.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains("1 problem(s) in " + missing)
                .contains(missing + ": not a folder (or it does not exist)");
        r.assertNoStackTrace();
    }

    @Test
    void extraFolderIsCheckedOnTopOfTheBundledContent(@TempDir Path dir) {
        Cli.write(dir, "sources.yaml", ContentOptionsCliTest.EXTRA_SOURCES);
        Cli.write(dir, "faq/community.yaml", ContentOptionsCliTest.EXTRA_FAQ);

        Cli.Result alone = Cli.run("check-content", dir.toString());
        Cli.Result withBundled = Cli.run("check-content", "--with-bundled", dir.toString());

        assertThat(alone.exit()).as(alone.toString()).isZero();
        assertThat(alone.out()).startsWith("OK: 0 articles, 1 FAQ entries, 1 passages in all, 0 roadmaps, "
                + "0 checklists, 1 sources");
        assertThat(withBundled.exit()).as(withBundled.toString()).isZero();
        Matcher ok = Pattern.compile(OK_LINE).matcher(withBundled.out());
        assertThat(ok.find()).as(withBundled.out()).isTrue();
        assertThat(Integer.parseInt(ok.group(2))).as("bundled FAQ entries plus the extra one").isGreaterThan(1);
        assertThat(Integer.parseInt(ok.group(4))).as("bundled roadmaps").isPositive();
        assertThat(Integer.parseInt(ok.group(6))).as("bundled sources plus the extra one").isGreaterThan(1);
        alone.assertNoStackTrace();
        withBundled.assertNoStackTrace();
    }

    @Test
    void extraFolderClashingWithABundledIdFailsOnlyWithBundled(@TempDir Path dir) {
        Cli.write(dir, "sources.yaml", ContentOptionsCliTest.EXTRA_SOURCES);
        Cli.write(dir, "faq/kaggle.yaml", """
                - id: what-is-kaggle
                  question: What is Kaggle?
                  answer: Kaggle is where our study group meets for competitions.
                  source: community-handbook
                """);

        Cli.Result r = Cli.run("check-content", "--with-bundled", dir.toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .contains("problem(s) in " + dir)
                .contains("faq/kaggle.yaml:1: duplicate FAQ id 'what-is-kaggle' (first defined in faq/");
        r.assertNoStackTrace();
    }
}
