package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.LoggedQuestion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Housekeeping on a real SQLite file: expired event ids and questions past retention go, the rest stays. */
class HousekeepingTest {
    @TempDir
    Path dir;

    @Test
    void removesExpiredEventIdsAndQuestionsPastRetention() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        try (Database db = Database.open(DatabaseSettings.sqlite(dir))) {
            db.questions().record(new LoggedQuestion("old", "h-old", true, "s", 1, "slack", now.minus(Duration.ofDays(200))));
            db.questions().record(new LoggedQuestion("recent", "h-recent", true, "s", 1, "slack", now.minus(Duration.ofDays(10))));
            db.processedEvents().markIfNew("slack:T1:Ev1", Duration.ofMillis(1));
            db.processedEvents().markIfNew("slack:T1:Ev2", Duration.ofDays(1));

            new Housekeeping(db.processedEvents(), db.questions(), db.conversations(), db.checkins(), Duration.ofDays(180),
                    Clock.fixed(now, ZoneOffset.UTC)).runOnce();

            assertThat(db.questions().topQuestions(now.minus(Duration.ofDays(1000)), 10))
                    .extracting(q -> q.text()).containsExactly("recent");
            assertThat(db.processedEvents().markIfNew("slack:T1:Ev2", Duration.ofDays(1))).as("still remembered").isFalse();
        }
    }

    @Test
    void expiredConversationTurnsAreDeleted() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        try (Database before = Database.open(DatabaseSettings.sqlite(dir), Clock.fixed(now.minus(Duration.ofHours(1)), ZoneOffset.UTC))) {
            before.conversations().remember("slack:T1:C1:1.1", dev.mentorbot.state.MemberId.console("ada"), "ml pay", "p");
        }
        try (Database db = Database.open(DatabaseSettings.sqlite(dir), Clock.fixed(now, ZoneOffset.UTC))) {
            new Housekeeping(db.processedEvents(), db.questions(), db.conversations(), db.checkins(), Duration.ofDays(180),
                    Clock.fixed(now, ZoneOffset.UTC)).runOnce();

            assertThat(db.conversations().purgeExpired()).as("already deleted by the sweep").isZero();
            assertThat(db.conversations().recentTurns("slack:T1:C1:1.1")).isEmpty();
        }
    }

    @Test
    void aDatabaseThatIsGoneIsLoggedNotThrown() {
        Database db = Database.open(DatabaseSettings.sqlite(dir));
        Housekeeping housekeeping = new Housekeeping(db.processedEvents(), db.questions(), db.conversations(), db.checkins(), Duration.ofDays(1),
                Clock.systemUTC());
        db.close();
        housekeeping.runOnce();
    }
}
