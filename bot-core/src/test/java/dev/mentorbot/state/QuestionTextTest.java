package dev.mentorbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class QuestionTextTest {
    @Test
    void keepsOrdinaryTextAndNull() {
        assertThat(QuestionText.clean("How do I start?", 100)).isEqualTo("How do I start?");
        assertThat(QuestionText.clean(null, 100)).isNull();
    }

    @Test
    void cutsWithoutSplittingASurrogatePair() {
        String rocket = "\uD83D\uDE80";
        assertThat(QuestionText.clean("ab" + rocket, 3)).isEqualTo("ab");
        assertThat(QuestionText.clean("ab" + rocket, 4)).isEqualTo("ab" + rocket);
        assertThat(QuestionText.clean("abcdef", 4)).isEqualTo("abcd");
    }

    @Test
    void dropsNulAndReplacesLoneSurrogates() {
        assertThat(QuestionText.clean("a\u0000b", 10)).isEqualTo("ab");
        assertThat(QuestionText.clean("x\uDE80y\uD83D", 10)).isEqualTo("x\uFFFDy\uFFFD");
    }
}
