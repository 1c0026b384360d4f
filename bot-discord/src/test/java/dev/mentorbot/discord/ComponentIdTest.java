package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComponentIdTest {
    @Test
    void roundTripsAndKeepsColonsInTheArgument() {
        ComponentId id = ComponentId.shared("ask", "related", "What is it: really?");
        assertThat(id.format()).contains("ask:related:*:What is it: really?");
        assertThat(ComponentId.parse("ask:related:*:What is it: really?")).contains(id);
    }

    @Test
    void personalIdsNameTheirOwner() {
        ComponentId id = ComponentId.personal("tick", "item", "1234", "coding/python");
        assertThat(id.format()).contains("tick:item:1234:coding/python");
        assertThat(id.allows("1234")).isTrue();
        assertThat(id.allows("999")).isFalse();
        assertThat(ComponentId.shared("tick", "item", "coding/python").allows("999")).isTrue();
    }

    @Test
    void rejectsWhatItDidNotMake() {
        assertThat(ComponentId.parse(null)).isEmpty();
        assertThat(ComponentId.parse("")).isEmpty();
        assertThat(ComponentId.parse("tick:item:1234")).isEmpty();
        assertThat(ComponentId.parse("ban:user:*:42")).isEmpty();
        assertThat(ComponentId.parse("tick:item:not-a-user:coding/python")).isEmpty();
        assertThat(ComponentId.parse("tick:item:1234:")).isEmpty();
        assertThat(ComponentId.parse("tick:item:1234:" + "x".repeat(100))).isEmpty();
    }

    @Test
    void anIdOverDiscordsLimitIsNotMade() {
        assertThat(ComponentId.shared("ask", "related", "q".repeat(95)).format()).isEmpty();
        assertThat(ComponentId.room("ask", "related", "*")).isEqualTo(100 - "ask:related:*:".length());
    }
}
