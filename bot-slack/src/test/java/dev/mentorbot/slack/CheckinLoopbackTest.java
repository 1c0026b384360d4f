package dev.mentorbot.slack;

import static dev.mentorbot.slack.HttpModeBot.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.checkin.WeeklyCheckins;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.MutableClock;
import dev.mentorbot.state.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weekly check-ins through the real Bolt (HTTP mode) against the fake Web API: two instances (two
 * adapters, two database pools on one file) send a member's check-in once, to the member's DM with
 * the app; its Stop button stops them; a member Slack says is gone is opted out.
 */
class CheckinLoopbackTest {
    private static final MemberId ADA = new MemberId("slack", "T1", "U1");
    private static final MemberId GONE = new MemberId("slack", "T1", "U9");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    private HttpModeBot bot;
    private final List<Database> databases = new ArrayList<>();
    private final List<WeeklyCheckins> instances = new ArrayList<>();

    @BeforeEach
    void startTwoInstances() throws Exception {
        bot = new HttpModeBot();
        for (int i = 0; i < 2; i++) {
            Database db = Database.open(DatabaseSettings.sqlite(dir), clock);
            databases.add(db);
            Commands commands = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                    QuestionPrivacy.OFF, clock, true));
            SlackAdapter adapter = bot.start(commands, db);
            instances.add(WeeklyCheckins.over(db, Fixtures::kb, List.of(adapter.directMessages().orElseThrow()), clock, 20,
                    Duration.ZERO));
        }
    }

    @AfterEach
    void stop() {
        bot.close();
        databases.forEach(Database::close);
        assertThat(bot.api.blockKitProblems).as("Block Kit problems in what the bot sent").isEmpty();
    }

    private int runBoth() throws Exception {
        List<CompletableFuture<WeeklyCheckins.Run>> runs = instances.stream()
                .map(i -> CompletableFuture.supplyAsync(i::sendDue)).toList();
        int sent = 0;
        for (CompletableFuture<WeeklyCheckins.Run> run : runs) {
            sent += run.get().sent();
        }
        return sent;
    }

    @Test
    void theCheckinIsOneDmWhoseStopButtonStopsThem() throws Exception {
        databases.get(0).checkins().optIn(ADA, clock.instant());
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(runBoth()).isEqualTo(1);
        List<FakeSlackApi.Call> dms = bot.api.calls("chat.postMessage").stream()
                .filter(c -> "U1".equals(c.params().get("channel"))).toList();
        assertThat(dms).as("one DM, not one per instance").hasSize(1);
        String blocks = dms.get(0).params().get("blocks");
        assertThat(blocks).contains("Your weekly check-in").contains("You ticked nothing this week.")
                .contains("Open my next step").contains("Stop check-ins").contains("checkin:off:*:");

        // The member clicks Stop in the DM.
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"fixture\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"ada\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\","
                + "\"token\":\"legacy\",\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000200\","
                + "\"channel_id\":\"D1\",\"is_ephemeral\":false},\"trigger_id\":\"1.2\",\"channel\":{\"id\":\"D1\","
                + "\"name\":\"directmessage\"},\"response_url\":\"" + bot.api.responseUrl("stop") + "\","
                + "\"actions\":[{\"action_id\":\"mentor:action-1\",\"block_id\":\"actions\",\"type\":\"button\","
                + "\"value\":\"checkin:off:*:\",\"action_ts\":\"1700000000.3\"}]}";
        assertThat(bot.postForm(payload(payload)).statusCode()).isEqualTo(200);
        bot.api.await("respond", c -> c.body().contains("Check-ins are off: I won"),
                Duration.ofSeconds(10));
        assertThat(databases.get(1).checkins().optedIn(ADA)).isFalse();

        clock.advance(Duration.ofDays(7));
        assertThat(runBoth()).isZero();
    }

    @Test
    void aMemberSlackSaysIsGoneIsOptedOut() throws Exception {
        databases.get(0).checkins().optIn(GONE, clock.instant());
        bot.api.postMessageErrors.put("U9", "user_disabled");
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(runBoth()).isZero();
        assertThat(databases.get(0).checkins().optedIn(GONE)).isFalse();
    }

    @Test
    void aPassingFailureKeepsTheMemberAndIsTriedAgain() throws Exception {
        databases.get(0).checkins().optIn(ADA, clock.instant());
        bot.api.postMessageErrors.put("U1", "internal_error");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(runBoth()).isZero();

        bot.api.postMessageErrors.clear();
        clock.advance(Duration.ofMinutes(1));
        assertThat(runBoth()).isEqualTo(1);
    }
}
