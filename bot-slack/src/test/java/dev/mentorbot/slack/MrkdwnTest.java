package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrkdwnTest {
    @Test
    void escapesTheThreeSpecialCharacters() {
        assertThat(Mrkdwn.escape("<!channel> & <@U1> <https://x|y>"))
                .isEqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x|y&gt;");
        assertThat(Mrkdwn.escape(null)).isEmpty();
    }

    @Test
    void trimsWithoutBreakingAnEntity() {
        assertThat(Mrkdwn.trim("abc", 5)).isEqualTo("abc");
        assertThat(Mrkdwn.trim("abcdefgh", 5)).isEqualTo("abcd…");
        assertThat(Mrkdwn.trim("ab&amp;cd", 5)).isEqualTo("ab…");
    }
}
