package dev.mentorbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import org.junit.jupiter.api.Test;

/** Finding the question in a member's story. */
class QuestionFocusTest {
    @Test
    void aStoryBeforeTheQuestionIsLeftOut() {
        String message = "I'm 31, currently a QA tester at a retail chain. Been grinding Python at night for about a year"
                + " and my manager is not supportive. What could I realistically make as a machine learning engineer?";
        assertThat(QuestionFocus.of(message)).isEqualTo("What could I realistically make as a machine learning engineer?");
    }

    @Test
    void withoutAQuestionMarkTheLastSentenceIsTheQuestion() {
        String message = "Finished a bootcamp last spring and built three small projects with public datasets since then."
                + " Tell me what deep learning engineers earn";
        assertThat(QuestionFocus.of(message)).isEqualTo("Tell me what deep learning engineers earn");
    }

    @Test
    void aShortQuestionWithARemarkBesideItIsFocusedOnTheQuestion() {
        assertThat(QuestionFocus.of("do I need a phd? my CV is attached")).isEqualTo("do I need a phd?");
        assertThat(QuestionFocus.of("Just finished my degree. Do I need a PhD?")).isEqualTo("Do I need a PhD?");
        assertThat(Fixtures.lexical().answer("do I need a phd? my CV is attached").text()).contains("A PhD is not required");
    }

    @Test
    void shortMessagesAreTheirOwnFocus() {
        assertThat(QuestionFocus.of("dl engineer pay? in india?")).isEqualTo("dl engineer pay? in india?");
        assertThat(QuestionFocus.of("")).isEmpty();
        assertThat(QuestionFocus.of("phd. kaggle. salary")).isEqualTo("phd. kaggle. salary");
    }

    @Test
    void theStoryStillCountsForTheScope() {
        // Focused alone, "how much would I make" is a salary question; with the story it is a nurse's pay.
        Answer a = Fixtures.hybrid().answer("I have worked as a nurse in a hospital for ten years and I love my patients"
                + " but the night shifts are killing me. How much would I make as a nurse in Freedonia?");
        assertThat(a.answered()).isFalse();
        Answer b = Fixtures.hybrid().answer("I have worked as a nurse in a hospital for ten years and I love my patients"
                + " but the night shifts are killing me. How much does a machine learning engineer earn?");
        assertThat(b.answered()).isTrue();
        assertThat(b.text()).contains("$70,000");
    }
}
