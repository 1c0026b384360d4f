package dev.mentorbot.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.platform.DirectMessages.Delivery;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.EmbeddedPostgresServer;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Weekly check-ins from two instances sharing one real PostgreSQL (the embedded server), moved
 * through the weeks by a fake clock: each member gets one check-in a week, whichever instance runs.
 */
class WeeklyCheckinsTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final MemberId ADA = new MemberId("slack", "T1", "U-ada");
    private static final MemberId BO = new MemberId("slack", "T1", "U-bo");

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingDirectMessages slack = new RecordingDirectMessages("slack");
    private Database first;
    private Database second;

    @BeforeEach
    void openTwoInstances() {
        DatabaseSettings shared = EmbeddedPostgresServer.newDatabase();
        first = Database.open(shared, clock);
        second = Database.open(shared, clock);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private WeeklyCheckins instance(Database db) {
        return WeeklyCheckins.over(db, Fixtures::kb, List.of(slack), clock, 20, Duration.ZERO);
    }

    /** Both instances run at the same moment, as two replicas' schedulers would. */
    private int runBoth() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        WeeklyCheckins a = instance(first);
        WeeklyCheckins b = instance(second);
        CompletableFuture<WeeklyCheckins.Run> ra = CompletableFuture.supplyAsync(() -> await(together, a));
        CompletableFuture<WeeklyCheckins.Run> rb = CompletableFuture.supplyAsync(() -> await(together, b));
        return ra.get().sent() + rb.get().sent();
    }

    private static WeeklyCheckins.Run await(CyclicBarrier barrier, WeeklyCheckins checkins) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return checkins.sendDue();
    }

    @Test
    void twoInstancesSendEachMemberOneCheckinAWeek() throws Exception {
        first.checkins().optIn(ADA, clock.instant());
        second.checkins().optIn(BO, clock.instant().plusSeconds(5));

        clock.advance(Duration.ofDays(6));
        assertThat(runBoth()).as("nothing before the first week is up").isZero();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(runBoth()).isEqualTo(2);
        assertThat(slack.sent).extracting(RecordingDirectMessages.Sent::member).containsExactlyInAnyOrder(ADA, BO);
        for (int run = 0; run < 5; run++) {
            clock.advance(Duration.ofHours(1));
            assertThat(runBoth()).as("the same week again").isZero();
        }

        clock.advance(WEEK);
        assertThat(runBoth()).isEqualTo(2);
        assertThat(slack.sent).hasSize(4);
    }

    @Test
    void optingOutStopsThemAndAnUnreachableMemberIsOptedOut() throws Exception {
        first.checkins().optIn(ADA, clock.instant());
        first.checkins().optIn(BO, clock.instant());
        slack.outcomes.put(BO, Delivery.UNREACHABLE);
        clock.advance(WEEK.plusMinutes(1));

        assertThat(runBoth()).isEqualTo(1);
        assertThat(first.checkins().optedIn(BO)).as("left the workspace or blocks DMs").isFalse();

        second.checkins().optOut(ADA); // checkin off, or the Stop button
        clock.advance(WEEK);
        assertThat(runBoth()).isZero();
        assertThat(slack.sent).extracting(RecordingDirectMessages.Sent::member).containsExactly(ADA);
    }

    @Test
    void aSendThatFailedIsTriedAgainOnTheNextRun() throws Exception {
        first.checkins().optIn(ADA, clock.instant());
        clock.advance(WEEK.plusMinutes(1));
        slack.outcomes.put(ADA, Delivery.FAILED);
        assertThat(instance(first).sendDue()).isEqualTo(new WeeklyCheckins.Run(0, 0, 1));

        slack.outcomes.remove(ADA);
        clock.advance(Duration.ofMinutes(1));
        assertThat(instance(second).sendDue().sent()).isEqualTo(1);
        assertThat(first.checkins().optedIn(ADA)).isTrue();
    }

    @Test
    void theCheckinNamesThisWeeksTicksAndTheNextStep() throws Exception {
        first.tracks().follow(ADA, "from-zero", clock.instant());
        first.progress().set(ADA, "math-basics", "linear-algebra", true, clock.instant()); // before the week
        first.checkins().optIn(ADA, clock.instant());
        clock.advance(Duration.ofDays(3));
        first.progress().set(ADA, "math-basics", "calculus", true, clock.instant());
        clock.advance(Duration.ofDays(4).plusMinutes(1));

        assertThat(runBoth()).isEqualTo(1);
        Reply checkin = slack.sent.get(0).message();
        assertThat(checkin.title()).isEqualTo("Your weekly check-in");
        assertThat(checkin.text()).isEqualTo("This week you ticked 1 item: Derivatives and gradients. Well done! "
                + "Next on From zero: stage 1 of 2, Math and code basics. Up next: Write small Python programs. "
                + "Track progress: 2/3 items (66%).");
        assertThat(checkin.actions()).containsExactly(ReplyAction.run("Open my next step", "next"),
                new ReplyAction("Stop check-ins", "checkin", "state", "off"));
    }

    @Test
    void aMemberWithoutATrackIsToldHowToGetANextStep() throws Exception {
        first.checkins().optIn(ADA, clock.instant());
        clock.advance(WEEK);

        assertThat(runBoth()).isEqualTo(1);
        assertThat(slack.sent.get(0).message().text()).isEqualTo("You ticked nothing this week. That happens: one small "
                + "item this week keeps you moving. You don't follow a track yet: follow one, and each check-in shows "
                + "your next step on it.");
    }
}
