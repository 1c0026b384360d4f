package dev.mentorbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact answers over the fixture corpus, in both modes. */
class AnswerEngineTest {
    static Stream<Arguments> engines() {
        return Stream.of(Arguments.of("hybrid", Fixtures.hybrid()), Arguments.of("lexical", Fixtures.lexical()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void answersWithTheRightPassageAndItsSource(String mode, AnswerEngine engine) {
        Answer a = engine.answer("how much does a machine learning engineer earn?");

        assertThat(a.answered()).isTrue();
        assertThat(a.text()).contains("$70,000 and $90,000");
        assertThat(a.sources().get(0)).satisfies(s -> {
            assertThat(s.title()).isEqualTo("Pay of ML engineers");
            assertThat(s.section()).isEqualTo("Machine learning engineer salary");
            assertThat(s.source()).isEqualTo("Fixture career article");
            assertThat(s.score()).isBetween(0.0, 1.0);
        });
        assertThat(a.related()).hasSizeLessThanOrEqualTo(3).doesNotContain(a.question());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aFollowUpReadsTheTurnBeforeItEvenWhenThatPassageIsGoneAfterAnUpdate(String mode, AnswerEngine engine) {
        Answer first = engine.answer("how much does a deep learning engineer earn?");
        assertThat(first.turn().passageId()).isEqualTo(first.sources().get(0).passageId());

        Answer followUp = engine.answer("and machine learning engineers?", java.util.List.of(first.turn()));
        Answer afterUpdate = engine.answer("and machine learning engineers?",
                java.util.List.of(new Turn(first.topic(), "removed-in-an-update")));

        assertThat(followUp.text()).contains("$70,000 and $90,000");
        assertThat(afterUpdate.text()).isEqualTo(followUp.text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void synonymsAbbreviationsAndChatNoiseStillFindTheAnswer(String mode, AnswerEngine engine) {
        assertThat(engine.answer("<@123> DL engineer pay?? 🙏").text()).contains("$95,500");
        assertThat(engine.answer("is a doctorate required").text()).startsWith("No. A PhD is not required");
        assertThat(engine.answer("hey, kaggle competitions? thanks").text()).startsWith("Kaggle is a website");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void typosAreTolerated(String mode, AnswerEngine engine) {
        Answer a = engine.answer("machin lerning enginer salery");
        assertThat(a.answered()).isTrue();
        assertThat(a.text()).contains("$70,000");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void offTopicQuestionsAreDeclinedWithSuggestions(String mode, AnswerEngine engine) {
        for (String q : new String[] {"how do I change a flat tire", "give me a cookie recipe", "zzzz", "sing me a song"}) {
            Answer a = engine.answer(q);
            assertThat(a.answered()).as(q).isFalse();
            assertThat(a.sources()).as(q).isEmpty();
            assertThat(a.text()).as(q).contains("I can help with salaries, skills");
            assertThat(a.related()).as(q).containsExactly("What is Kaggle?", "Do I need a PhD for deep learning?");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void emptyQuestionGetsAnInvitationNotAnError(String mode, AnswerEngine engine) {
        Answer a = engine.answer("   ");
        assertThat(a.answered()).isFalse();
        assertThat(a.text()).startsWith("Ask me anything about becoming");
    }

    @org.junit.jupiter.api.Test
    void explainShowsTheEvidence() {
        String explain = Fixtures.hybrid().explain("<@1> deep learning salary");
        assertThat(explain).contains("cleaned: \"deep learning salary\"").contains("pay#deep-learning-engineer-salary")
                .contains("bm25").contains("cos");
    }
}
