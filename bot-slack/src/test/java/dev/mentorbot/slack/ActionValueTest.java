package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionValueTest {
    @Test
    void roundTripsWithColonsInTheArgument() {
        ActionValue v = new ActionValue("ask", "related", ActionValue.ANYONE, "what is 1:2?");
        assertThat(v.encode()).isEqualTo("ask:related:*:what is 1:2?");
        assertThat(ActionValue.parse(v.encode())).contains(v);
    }

    @Test
    void personalControlsAllowOnlyTheirOwner() {
        ActionValue v = ActionValue.parse("checklist:group0:U123:math-basics").orElseThrow();
        assertThat(v.allows("U123")).isTrue();
        assertThat(v.allows("U999")).isFalse();
        assertThat(ActionValue.parse("ask:related:*:x").orElseThrow().allows("U999")).isTrue();
    }

    @Test
    void forgedOrBrokenValuesAreRejected() {
        assertThat(ActionValue.parse(null)).isEmpty();
        assertThat(ActionValue.parse("")).isEmpty();
        assertThat(ActionValue.parse("ask:related")).isEmpty();
        assertThat(ActionValue.parse("ASK:related:*:x")).isEmpty();
        assertThat(ActionValue.parse("checklist:group0:<!channel>:x")).isEmpty();
        assertThat(ActionValue.parse("ask:related:*:" + "x".repeat(3000))).isEmpty();
        assertThat(ActionValue.parse("{\"not\":\"ours\"}")).isEmpty();
    }
}
