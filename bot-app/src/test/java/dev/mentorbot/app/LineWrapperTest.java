package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wrapping replies to a terminal's width: at spaces, list items under their text, long words whole. */
class LineWrapperTest {

    @Test
    void wrapsAtSpacesAndHangsListItemsUnderTheirText() {
        String text = "Intro line that is short\n"
                + "  - 1. Choose a learning route and start programming in Python every week\n"
                + "Plain sentence that goes on for quite a while past the edge";

        assertThat(LineWrapper.wrap(text, 30)).isEqualTo("""
                Intro line that is short
                  - 1. Choose a learning route
                       and start programming
                       in Python every week
                Plain sentence that goes on
                for quite a while past the
                edge""");
    }

    @Test
    void aWordWiderThanTheScreenStaysWholeAndAnUnknownWidthChangesNothing() {
        String url = "https://example.org/" + "a".repeat(40);
        String text = "See " + url + " for more";

        assertThat(LineWrapper.wrap(text, 30)).isEqualTo("See\n" + url + "\nfor more");
        assertThat(LineWrapper.wrap(text, 0)).isEqualTo(text);
    }
}
