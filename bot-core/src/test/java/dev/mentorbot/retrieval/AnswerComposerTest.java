package dev.mentorbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers that carry what was asked, over the fixture content. */
class AnswerComposerTest {
    @Test
    void needsAreReadFromTheQuestion() {
        assertThat(AnswerComposer.Need.of("how much do they make?")).containsExactly(AnswerComposer.Need.AMOUNT);
        assertThat(AnswerComposer.Need.of("how long does it take")).containsExactly(AnswerComposer.Need.DURATION);
        assertThat(AnswerComposer.Need.of("is there demand for dl engineers")).containsExactly(AnswerComposer.Need.GROWTH);
        assertThat(AnswerComposer.Need.of("what is kaggle")).isEmpty();
    }

    @Test
    void needsAreSeenInPassages() {
        assertThat(AnswerComposer.Need.AMOUNT.metBy("between $105,000 and $160,000")).isTrue();
        assertThat(AnswerComposer.Need.AMOUNT.metBy("Rs. 7 to 12 lakh per annum")).isTrue();
        assertThat(AnswerComposer.Need.AMOUNT.metBy("pay varies with experience")).isFalse();
        assertThat(AnswerComposer.Need.DURATION.metBy("from six months to four years")).isTrue();
        assertThat(AnswerComposer.Need.GROWTH.metBy("an expansion of up to 50% in the near future")).isTrue();
    }

    @Test
    void subjectWordsAreRareWordsButNotTheWordsOfAsking() {
        AnswerComposer composer = new AnswerComposer(Fixtures.hybrid().index(),
                new PassageTrimmer(Fixtures.hybrid().index().analyzers().query()));
        assertThat(composer.wanted("is a phd really required")).contains("phd").doesNotContain("requir", "realli");
    }

    @Test
    void theCloseCandidateWithTheFigureLeadsAndAPassageMissingItGetsTheOneThatHasIt() {
        // Both pay passages are close for a question about pay and skills; the answer must hold a figure.
        Answer a = Fixtures.hybrid().answer("how much do deep learning engineers earn on average?");
        assertThat(a.answered()).isTrue();
        assertThat(a.text()).contains("$95,500");
        assertThat(a.sources()).extracting(SourceRef::passageId).first().isEqualTo("pay#deep-learning-engineer-salary");
    }

    @Test
    void twoQuestionsInOneMessageGetTwoShortSourcedPassages() {
        Answer a = Fixtures.hybrid().answer("what do ML engineers earn and do i need a phd?");
        assertThat(a.answered()).isTrue();
        assertThat(a.text().split("\n\n")).hasSize(2);
        assertThat(a.text()).contains("$70,000 and $90,000").contains("A PhD is not required");
        assertThat(a.sources()).extracting(SourceRef::passageId).startsWith("pay#machine-learning-engineer-salary", "need-phd");
    }

    @Test
    void oneAnswerHasAtMostTwoPassagesAndStaysShort() {
        for (String q : List.of("ml engineer salary and the math i need", "phd? kaggle?", "python and pay")) {
            Answer a = Fixtures.hybrid().answer(q);
            if (a.answered()) {
                assertThat(a.text().split("\n\n")).as(q).hasSizeLessThanOrEqualTo(2);
                assertThat(a.text().length()).as(q).isLessThanOrEqualTo(2 * AnswerComposer.TWO_PASSAGE_CHARS + 2);
            }
        }
    }
}
