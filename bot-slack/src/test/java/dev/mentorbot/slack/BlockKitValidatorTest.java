package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The validator itself: each of Slack's rules it checks is caught when broken, and only then. */
class BlockKitValidatorTest {
    private static String section(String text) {
        return "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + text + "\"}}";
    }

    private static String option(String text, String value) {
        return "{\"text\":{\"type\":\"plain_text\",\"text\":\"" + text + "\"},\"value\":\"" + value + "\"}";
    }

    private static String checkboxes(String options, String initial) {
        return "[{\"type\":\"actions\",\"block_id\":\"c\",\"elements\":[{\"type\":\"checkboxes\",\"action_id\":\"a\","
                + "\"options\":[" + options + "]" + (initial == null ? "" : ",\"initial_options\":[" + initial + "]") + "}]}]";
    }

    private static String button(String text, String actionId, String value) {
        return "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"text\":"
                + "{\"type\":\"plain_text\",\"text\":\"" + text + "\"},\"value\":\"" + value + "\"}]}]";
    }

    @Test
    void aValidPayloadHasNoProblems() {
        assertThat(BlockKitValidator.message("[" + section("hello") + ","
                + "{\"type\":\"header\",\"block_id\":\"h\",\"text\":{\"type\":\"plain_text\",\"text\":\"Title\"}}]")).isEmpty();
        assertThat(BlockKitValidator.message(checkboxes(option("one", "1") + "," + option("two", "2"), option("two", "2"))))
                .isEmpty();
        assertThat(BlockKitValidator.message(button("x".repeat(75), "a".repeat(255), "v".repeat(2000)))).isEmpty();
    }

    @Test
    void repeatedBlockIdsAreFound() {
        String block = "{\"type\":\"context\",\"block_id\":\"sources\",\"elements\":[]}";
        assertThat(BlockKitValidator.message("[" + block + "," + block + "]")).singleElement().asString()
                .contains("'sources' repeats");
    }

    @Test
    void blockCountsAreFiftyInAMessageAndOneHundredInAView() {
        String fifty = "[" + String.join(",", Collections.nCopies(50, section("x"))) + "]";
        String fiftyOne = "[" + String.join(",", Collections.nCopies(51, section("x"))) + "]";
        assertThat(BlockKitValidator.message(fifty)).isEmpty();
        assertThat(BlockKitValidator.message(fiftyOne)).containsExactly("51 blocks, more than 50");
        assertThat(BlockKitValidator.view("{\"type\":\"home\",\"blocks\":" + fiftyOne + "}")).isEmpty();
        String hundredOne = "[" + String.join(",", Collections.nCopies(101, section("x"))) + "]";
        assertThat(BlockKitValidator.view("{\"type\":\"home\",\"blocks\":" + hundredOne + "}"))
                .containsExactly("101 blocks, more than 100");
    }

    @Test
    void textLengthsAreChecked() {
        assertThat(BlockKitValidator.message("[" + section("s".repeat(3001)) + "]")).singleElement().asString()
                .contains("3001 characters, more than 3000");
        assertThat(BlockKitValidator.message("[" + section("") + "]")).singleElement().asString().contains("empty text");
        assertThat(BlockKitValidator.message("[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\""
                + "h".repeat(151) + "\"}}]")).singleElement().asString().contains("151 characters, more than 150");
        assertThat(BlockKitValidator.message(button("x".repeat(76), "a", "v"))).singleElement().asString()
                .contains("text: 76 characters, more than 75");
        assertThat(BlockKitValidator.message(button("x", "a".repeat(256), "v"))).singleElement().asString()
                .contains("action_id: 256 characters");
        assertThat(BlockKitValidator.message(button("x", "a", "v".repeat(2001)))).singleElement().asString()
                .contains("value: 2001 characters");
        assertThat(BlockKitValidator.message("[{\"type\":\"divider\",\"block_id\":\"" + "b".repeat(256) + "\"}]"))
                .singleElement().asString().contains("block_id: 256 characters");
        assertThat(BlockKitValidator.message(checkboxes(option("o".repeat(76), "1"), null))).singleElement().asString()
                .contains("option text: 76 characters");
    }

    @Test
    void checkboxOptionsAreAtMostTenAndInitialOptionsMustBeAmongThem() {
        String eleven = String.join(",", Collections.nCopies(11, option("same", "1")));
        assertThat(BlockKitValidator.message(checkboxes(eleven, null))).singleElement().asString()
                .contains("11 options, allowed 1 to 10");
        assertThat(BlockKitValidator.message(checkboxes(option("one", "1"), option("One", "1")))).singleElement()
                .asString().contains("is not one of the options");
    }
}
