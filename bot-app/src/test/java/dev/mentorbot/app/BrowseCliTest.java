package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Commands;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The browsing commands over the bundled content: roadmap, checklist, path, salary, skills, help. */
class BrowseCliTest {
    private static final List<String> TRACK_TITLES = List.of(
            "From zero to deep learning engineer",
            "From software engineering to deep learning engineer",
            "From data science or analytics to deep learning engineer");

    @Test
    void roadmapWithoutTrackListsTheTracksInOrderWithTheirIds() {
        Cli.Result r = Cli.run("roadmap");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .startsWith("Roadmaps\n--------\n")
                .contains("Pick the track that matches where you start:")
                .contains("  - From zero to deep learning engineer  (from-zero)")
                .contains("  - From software engineering to deep learning engineer  (from-software-engineering)")
                .contains("  - From data science or analytics to deep learning engineer  (from-data-science)");
        assertThat(r.out().indexOf("(from-zero)"))
                .as("tracks follow their 'order'")
                .isLessThan(r.out().indexOf("(from-software-engineering)"));
        assertThat(r.out().indexOf("(from-software-engineering)")).isLessThan(r.out().indexOf("(from-data-science)"));
        assertThat(r.err()).isEmpty();
        r.assertNoStackTrace();
    }

    @Test
    void roadmapResolvesAPartialTrackNameAndShowsNumberedStagesWithChecklists() {
        Cli.Result r = Cli.run("roadmap", "software");

        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.out();
        assertThat(out).startsWith("From software engineering to deep learning engineer\n---");
        List<Integer> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  - (\\d+)\\. \\S").matcher(out);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        assertThat(numbers).as("stages numbered 1..n in order").hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1);
        }
        assertThat(out)
                .contains("  - 1. Mathematics, statistics and probability")
                .contains("      Goals: ")
                .contains("      Practice: ")
                .contains("      Checklists: math-foundations")
                .contains("\nSource: The Ascent of the Deep Learning Engineer");
        r.assertNoStackTrace();
    }

    @Test
    void roadmapJsonGivesStageIdsUnderTheTrackId() {
        Cli.Result r = Cli.run("roadmap", "--json", "From Zero");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.outLines()).hasSize(1);
        JsonNode o = r.json();
        assertThat(o.get("kind").asText()).isEqualTo("roadmap");
        assertThat(o.get("answered").asBoolean()).isTrue();
        assertThat(o.get("title").asText()).isEqualTo("From zero to deep learning engineer");
        JsonNode items = o.get("items");
        assertThat(items.size()).isGreaterThanOrEqualTo(3);
        assertThat(items.get(0).get("id").asText()).isEqualTo("from-zero/choose-learning-route");
        assertThat(items.get(0).get("text").asText()).startsWith("1. ");
        items.forEach(i -> assertThat(i.get("id").asText()).matches("from-zero/[a-z0-9-]+"));
        assertThat(o.get("sources").get(0).get("title").asText()).isEqualTo("Roadmap");
        r.assertNoStackTrace();
    }

    @Test
    void unknownRoadmapTrackExitsWith2AndNamesTheValidTracks() {
        Cli.Result r = Cli.run("roadmap", "nonsense");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        String shown = r.out() + r.err();
        assertThat(shown).contains("I don't know the track 'nonsense'");
        TRACK_TITLES.forEach(t -> assertThat(shown).contains(t));
        assertThat(shown).doesNotContain("Goals:");
        r.assertNoStackTrace();
    }

    @Test
    void multiWordTrackWorksUnquotedAsInChat() {
        Cli.Result r = Cli.run("roadmap", "from", "zero");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("From zero to deep learning engineer\n");
        assertThat(r.err()).doesNotContain("Unmatched argument");
    }

    @Test
    void checklistWithoutTopicListsTheTopicsWithIds() {
        Cli.Result r = Cli.run("checklist");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .startsWith("Checklists\n")
                .contains("Pick a topic:")
                .containsPattern("(?m)^  - Math foundations\\b.*  \\(math-foundations\\)$")
                .containsPattern("(?m)^  - Programming and computer science\\b.*  \\(programming-cs\\)$")
                .containsPattern("(?m)^  - Deep learning practice\\b.*  \\(deep-learning-practice\\)$")
                .containsPattern("(?m)^  - Portfolio and job search\\b.*  \\(portfolio-job-search\\)$");
        assertThat(r.out().lines().filter(l -> l.matches("  - .+  \\([a-z0-9-]+\\)")).count())
                .as("every topic line ends with its id").isGreaterThanOrEqualTo(4);
        r.assertNoStackTrace();
    }

    @Test
    void checklistMathShowsUntickedItemsWithStableIds() {
        Cli.Result r = Cli.run("checklist", "math");

        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.out();
        assertThat(out)
                .startsWith("Math foundations\n")
                .contains("  [ ] Work with vectors, matrices and matrix multiplication")
                .contains("(math-foundations/linear-algebra)")
                .contains("(math-foundations/gradient-descent)")
                .contains("(math-foundations/loss-functions)")
                .contains("\nSource: mentor-bot editors - Math foundations");
        List<String> items = out.lines().filter(l -> l.startsWith("  [ ] ")).toList();
        assertThat(items).hasSizeGreaterThanOrEqualTo(3);
        items.forEach(l -> assertThat(l).matches(".*  \\(math-foundations/[a-z0-9-]+\\)$"));
        assertThat(out).doesNotContain("[x]");
        r.assertNoStackTrace();
    }

    @Test
    void checklistJsonGivesItemIdsAndDoneFlags() {
        Cli.Result r = Cli.run("checklist", "--json", "Programming");

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode o = r.json();
        assertThat(o.get("kind").asText()).isEqualTo("checklist");
        assertThat(o.get("title").asText()).isEqualTo("Programming and computer science");
        assertThat(o.get("items").size()).isGreaterThan(0);
        o.get("items").forEach(i -> {
            assertThat(i.get("id").asText()).matches("programming-cs/[a-z0-9-]+");
            assertThat(i.get("text").asText()).isNotBlank();
            assertThat(i.get("done").asBoolean()).isFalse();
        });
        r.assertNoStackTrace();
    }

    @Test
    void helpListsEveryCommandWithItsUsage() {
        Cli.Result r = Cli.run("help");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .startsWith("mentor-bot\n")
                .contains("I say so when I don't know")
                .contains("  - ask QUESTION\n")
                .contains("  - salary\n")
                .contains("  - skills\n")
                .contains("  - path [FROM]\n")
                .contains("  - roadmap [TRACK]\n")
                .contains("  - checklist [TOPIC]\n")
                .contains("  - help\n");
        // feedback is internal (it needs a passage id): help never offers it.
        assertThat(r.out()).doesNotContain("feedback");
        for (CommandSpec spec : Commands.standardSpecs().stream().filter(s -> !s.internal()).toList()) {
            assertThat(r.out()).as("help lists /" + spec.name())
                    .containsPattern("(?m)^  - " + Pattern.quote(spec.name()) + "( |$)")
                    .contains("      " + spec.description());
        }
        r.assertNoStackTrace();
    }

    @Test
    void helpJsonHasOneItemPerCommand() {
        Cli.Result r = Cli.run("help", "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode o = r.json();
        assertThat(o.get("kind").asText()).isEqualTo("help");
        List<String> ids = new ArrayList<>();
        o.get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).containsSubsequence("ask", "salary", "skills", "path", "roadmap", "checklist")
                .endsWith("help")
                .containsExactlyElementsOf(Commands.standardSpecs().stream().filter(s -> !s.internal())
                        .map(CommandSpec::name).toList());
        o.get("items").forEach(i -> assertThat(i.get("detail").asText()).isNotBlank());
        r.assertNoStackTrace();
    }

    @Test
    void pathWithoutBackgroundGivesTheGeneralAnswerAndOffersTheTracks() {
        Cli.Result r = Cli.run("path");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .startsWith("The path to deep learning engineering\n")
                .contains("Source: ");
        TRACK_TITLES.forEach(t -> assertThat(r.out()).contains("  - " + t));
        r.assertNoStackTrace();
    }

    @Test
    void pathWithAnUnknownBackgroundSaysSoAndFallsBackToTheGeneralPath() {
        Cli.Result r = Cli.run("path", "astronaut");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("I have no track for 'astronaut', so here is the general path.")
                .contains("From zero to deep learning engineer");
        r.assertNoStackTrace();
    }

    @Test
    void salaryJsonCombinesTheSourcedFiguresWithoutRepeatingAPassage() {
        Cli.Result r = Cli.run("salary", "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode o = r.json();
        assertThat(o.get("kind").asText()).isEqualTo("answer");
        assertThat(o.get("answered").asBoolean()).isTrue();
        String text = o.get("text").asText();
        assertThat(text).contains("$105,000").contains("121,441").containsIgnoringCase("lakh");
        String[] passages = text.split("\n\n");
        assertThat(passages).doesNotHaveDuplicates();
        assertThat(o.get("sources").size()).isEqualTo(passages.length);
        assertThat(o.get("related").size()).isLessThanOrEqualTo(3);
        r.assertNoStackTrace();
    }

    @Test
    void skillsNamesTheCoreSkillsAndTheirSource() {
        Cli.Result r = Cli.run("skills");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("mathematics")
                .contains("Python")
                .containsIgnoringCase("communication")
                .contains("\nSource: The Ascent of the Deep Learning Engineer");
        r.assertNoStackTrace();
    }
}
