package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThreadRefusalsTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRefusedChannelIsRememberedForTheMemoryThenAskedAgain() {
        ManualClock clock = new ManualClock();
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
        ManualClock clock = new ManualClock();
        ThreadRefusals refusals = new ThreadRefusals(clock, Duration.ofMinutes(10));
        refusals.remember("600");
        clock.advance(Duration.ofMinutes(8));
        refusals.remember("600");
        clock.advance(Duration.ofMinutes(8));
        assertThat(refusals.recentlyRefused("600")).isTrue();
    }
}
