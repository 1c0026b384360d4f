package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.state.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThreadRefusalsTest {
    @Test
    void aRefusedChannelIsRememberedForTheMemoryThenAskedAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        ThreadRefusals refusals = new ThreadRefusals(clock, Duration.ofMinutes(10));
        assertThat(refusals.recentlyRefused("600")).isFalse();

        refusals.remember("600");
        clock.advance(Duration.ofMinutes(9));
        assertThat(refusals.recentlyRefused("600")).isTrue();
        assertThat(refusals.recentlyRefused("601")).isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(refusals.recentlyRefused("600")).isFalse();
    }

    @Test
    void aNewRefusalStartsTheMemoryAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        ThreadRefusals refusals = new ThreadRefusals(clock, Duration.ofMinutes(10));
        refusals.remember("600");
        clock.advance(Duration.ofMinutes(8));
        refusals.remember("600");
        clock.advance(Duration.ofMinutes(8));
        assertThat(refusals.recentlyRefused("600")).isTrue();
    }
}
