package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ask}: one question from the arguments, or one reply per line of standard input. */
class AskCliTest {

    @Test
    void askJsonAnswersASalaryQuestionWithSourcesAndRelatedQuestions() {
        Cli.Result r = Cli.run("ask", "--json", "how much do ML engineers make?");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.outLines()).as("exactly one JSON line").hasSize(1);
        JsonNode o = Cli.parseLine(r.outLines().get(0));
        assertThat(o.get("question").asText()).isEqualTo("how much do ML engineers make?");
        assertThat(o.get("answered").isBoolean()).isTrue();
        assertThat(o.get("answered").asBoolean()).isTrue();
        assertThat(o.get("answer").asText()).containsAnyOf("$105,000", "121,441");
        JsonNode sources = o.get("sources");
        assertThat(sources.isArray()).isTrue();
        assertThat(sources.size()).isBetween(1, 3);
        JsonNode first = sources.get(0);
        assertThat(first.get("title").asText()).isNotBlank();
        assertThat(first.get("section").asText()).isNotBlank();
        assertThat(first.get("source").asText()).contains("Deep Learning Engineer");
        assertThat(first.get("score").isNumber()).isTrue();
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
        double previous = Double.MAX_VALUE;
        for (JsonNode s : sources) {
            assertThat(s.get("score").asDouble()).as("sources best first").isLessThanOrEqualTo(previous);
            previous = s.get("score").asDouble();
        }
        JsonNode related = o.get("related");
        assertThat(related.isArray()).isTrue();
        assertThat(related.size()).isLessThanOrEqualTo(3);
        related.forEach(q -> assertThat(q.asText()).isNotBlank()
                .isNotEqualToIgnoringCase("how much do ML engineers make?"));
        assertThat(r.err()).isEmpty();
        r.assertNoStackTrace();
    }

    @Test
    void askJsonWithoutQuestionAnswersEveryStdinLineInOrderBlankLinesIncluded() {
        List<String> questions = List.of("what is kaggle", "", "how do I bake a cake",
                "how much do ML engineers make?");

        Cli.Result r = Cli.runWithInput(String.join("\n", questions) + "\n", "ask", "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.outLines()).as("one JSON line per input line").hasSize(4);
        List<JsonNode> replies = new ArrayList<>();
        r.outLines().forEach(l -> replies.add(Cli.parseLine(l)));
        for (int i = 0; i < questions.size(); i++) {
            JsonNode o = replies.get(i);
            assertThat(o.get("question").asText()).as("line %d in order", i + 1).isEqualTo(questions.get(i));
            assertThat(o.fieldNames()).toIterable()
                    .contains("question", "answered", "answer", "sources", "related");
            assertThat(o.get("related").size()).isLessThanOrEqualTo(3);
        }
        assertThat(replies.get(0).get("answered").asBoolean()).isTrue();
        assertThat(replies.get(0).get("answer").asText()).containsIgnoringCase("kaggle");
        assertThat(replies.get(0).get("sources").get(0).get("title").asText()).isNotBlank();

        JsonNode blank = replies.get(1);
        assertThat(blank.get("answered").asBoolean()).isFalse();
        assertThat(blank.get("sources").size()).isZero();
        assertThat(blank.get("answer").asText()).contains("Ask me anything");

        JsonNode offTopic = replies.get(2);
        assertThat(offTopic.get("answered").asBoolean()).isFalse();
        assertThat(offTopic.get("sources").size()).isZero();
        assertThat(offTopic.get("answer").asText()).contains("I can help with salaries");

        assertThat(replies.get(3).get("answered").asBoolean()).isTrue();
        assertThat(replies.get(3).get("answer").asText()).containsAnyOf("$105,000", "121,441");
        assertThat(r.err()).isEmpty();
        r.assertNoStackTrace();
    }

    @Test
    void offTopicQuestionIsDeclinedPolitelyWithWhatTheBotCanHelpWith() {
        Cli.Result r = Cli.run("ask", "how", "do", "I", "bake", "a", "cake");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("I don't have a sourced answer to that, so I won't guess.")
                .contains("I can help with salaries, skills, learning paths, education and what the job involves")
                .contains("Try: ")
                .doesNotContain("Source:");
        assertThat(r.err()).isEmpty();
        r.assertNoStackTrace();
    }

    @Test
    void aQuestionWithAWordTheContentNeverSawIsDeclinedThoughItSharesOthers() {
        // "tune" and "how long ... learn" are the content's words; "guitar" and "sea" are not.
        for (String q : List.of("how do i tune my guitar tho, the strings keep going flat",
                "how long does it take to learn deep sea diving")) {
            Cli.Result r = ask(List.of(), q);
            assertThat(r.out()).as(q + ": " + r).contains("I don't have a sourced answer to that");
        }
        // Without the scope gate a quarter of the words must be unknown ("diving" reads as "driving").
        Cli.Result lexical = ask(List.of("--lexical-only"), "how do i tune my guitar tho, the strings keep going flat");
        assertThat(lexical.out()).as(lexical.toString()).contains("I don't have a sourced answer to that");
        for (List<String> mode : List.<List<String>>of(List.of(), List.of("--lexical-only"))) {
            // A typo is corrected first: "pyhton" is Python, not a word of another subject.
            Cli.Result typo = ask(mode, "is pyhton enough or should i learn java too");
            assertThat(typo.out()).as(mode + ": " + typo).contains("Python").contains("Source:");
        }
    }

    private static Cli.Result ask(List<String> options, String question) {
        List<String> args = new ArrayList<>(options);
        args.add("ask");
        args.add(question);
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void textAnswerShowsThePassageItsSourceAndRelatedQuestions() {
        Cli.Result r = Cli.run("ask", "what is kaggle?");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("Kaggle is an online data science and machine learning platform")
                .contains("\nSource: mentor-bot editors - FAQ: What is Kaggle")
                .contains("\nRelated: ")
                .doesNotContain("{\"");
        r.assertNoStackTrace();
    }

    @Test
    void textModeReadsStdinAndPrintsOneReplyPerLine() {
        Cli.Result r = Cli.runWithInput("what is kaggle\nwhat is the weather in paris tomorrow\n", "ask");

        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.out();
        int answer = out.indexOf("Kaggle is an online");
        int decline = out.indexOf("I don't have a sourced answer");
        assertThat(answer).as(out).isGreaterThanOrEqualTo(0);
        assertThat(decline).as("second line answered after the first").isGreaterThan(answer);
        r.assertNoStackTrace();
    }

    @Test
    void lexicalOnlyAnswersWithoutTheEmbeddingModelAndExplainShowsWhy() {
        Cli.Result r = Cli.run("--lexical-only", "ask", "--explain", "what is kaggle");

        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.out();
        assertThat(out)
                .contains("cleaned: \"what is kaggle\"")
                .contains("threshold:")
                .contains("(lexical-only)")
                .contains("what-is-kaggle")
                .contains("Kaggle is an online data science and machine learning platform")
                .contains("Source: ");
        assertThat(out.indexOf("threshold:")).as("the explanation comes before the answer")
                .isLessThan(out.indexOf("Kaggle is an online"));
        r.assertNoStackTrace();
    }

    @Test
    void blankQuestionArgumentIsAPoliteErrorWithExitCode2() {
        Cli.Result r = Cli.run("--lexical-only", "ask", "--json", "   ");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        JsonNode o = Cli.parseLine(r.outLines().get(0));
        assertThat(o.get("answered").asBoolean()).isFalse();
        assertThat(o.get("answer").asText()).contains("ask needs QUESTION");
        r.assertNoStackTrace();
    }
}
