package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weekly check-ins through the real JDA against the fake Discord: two instances (two adapters, two
 * database pools on one file) send a member's check-in once, as a DM whose buttons act for the
 * member's guild; the Stop button stops them; a member who closed DMs is opted out.
 */
class CheckinLoopbackTest {
    private static final String ADA = "7";
    private static final String BO = "8";
    private static final MemberId ADA_IN_GUILD = new MemberId("discord", FakeDiscord.GUILD_ID, ADA);
    private static final MemberId BO_IN_GUILD = new MemberId("discord", FakeDiscord.GUILD_ID, BO);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    private FakeDiscord discord;
    private final List<Database> databases = new ArrayList<>();
    private final List<DiscordAdapter> adapters = new ArrayList<>();
    private final List<WeeklyCheckins> instances = new ArrayList<>();

    @BeforeEach
    void startTwoInstances() throws Exception {
        discord = new FakeDiscord();
        for (int i = 0; i < 2; i++) {
            Database db = Database.open(DatabaseSettings.sqlite(dataDir), clock);
            databases.add(db);
            Commands commands = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                    QuestionPrivacy.OFF, clock, true));
            DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(discord.restUrl()),
                    Optional.of(discord.gatewayUrl()), false, 1, List.of(), Duration.ofMillis(2500)), commands::handle,
                    Commands.standardSpecs(), Map.of(), Optional.of(db.processedEvents()));
            adapter.start();
            adapters.add(adapter);
            instances.add(WeeklyCheckins.over(db, Fixtures::kb, List.of(adapter.directMessages().orElseThrow()), clock, 20,
                    Duration.ZERO));
        }
    }

    @AfterEach
    void stop() throws Exception {
        adapters.forEach(DiscordAdapter::close);
        databases.forEach(Database::close);
        discord.close();
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

    private List<FakeDiscord.Call> postsTo(String channel) {
        return discord.calls.stream().filter(c -> c.method().equals("POST")
                && c.path().equals("channels/" + channel + "/messages")).toList();
    }

    @Test
    void theCheckinIsOneDmWhoseStopButtonStopsThem() throws Exception {
        databases.get(0).checkins().optIn(ADA_IN_GUILD, clock.instant());
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(runBoth()).isEqualTo(1);
        FakeDiscord.Call dm = discord.next("POST", "channels/" + FakeDiscord.dmChannelOf(ADA) + "/messages");
        JsonNode body = Snapshots.tree(dm.body());
        assertThat(body.at("/embeds/0/title").asText()).isEqualTo("Your weekly check-in");
        assertThat(body.at("/embeds/0/description").asText()).startsWith("You ticked nothing this week.");
        List<String> buttons = new ArrayList<>();
        body.at("/components").forEach(row -> row.at("/components").forEach(b -> buttons.add(
                b.path("label").asText() + " = " + b.path("custom_id").asText())));
        assertThat(buttons).containsExactly("Open my next step = next:open:*:" + FakeDiscord.GUILD_ID,
                "Stop check-ins = checkin:off:*:" + FakeDiscord.GUILD_ID);
        // Both runs have returned, so every post they made is recorded: the one above was the only one.
        assertThat(postsTo(FakeDiscord.dmChannelOf(ADA))).as("one DM, not one per instance").isEmpty();

        // The member clicks Stop in the DM, which carries no guild: it acts for their guild membership.
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", dmButton(id, "checkin:off:*:" + FakeDiscord.GUILD_ID));
        String reply = discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback").body();
        assertThat(Snapshots.tree(reply).at("/data/embeds/0/description").asText())
                .startsWith("Check-ins are off: I won't send you any more.");
        assertThat(databases.get(1).checkins().optedIn(ADA_IN_GUILD)).isFalse();

        clock.advance(Duration.ofDays(7));
        assertThat(runBoth()).isZero();
    }

    @Test
    void aMemberWhoClosedTheirDmsIsOptedOut() throws Exception {
        databases.get(0).checkins().optIn(BO_IN_GUILD, clock.instant());
        discord.closedDms.add(FakeDiscord.dmChannelOf(BO));
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(runBoth()).isZero();
        assertThat(databases.get(0).checkins().optedIn(BO_IN_GUILD)).isFalse();
    }

    private static String dmButton(String id, String customId) {
        String user = FakeDiscord.user(ADA, "ada", false);
        String message = ",\"message\":{\"id\":\"" + FakeDiscord.snowflake() + "\",\"channel_id\":\""
                + FakeDiscord.dmChannelOf(ADA) + "\",\"type\":0,\"content\":\"\",\"author\":"
                + FakeDiscord.user(FakeDiscord.BOT_ID, "mentor", true)
                + ",\"timestamp\":\"2025-01-01T00:00:00.000000+00:00\",\"edited_timestamp\":null,\"tts\":false,"
                + "\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],\"attachments\":[],"
                + "\"embeds\":[{\"type\":\"rich\",\"title\":\"Your weekly check-in\",\"description\":\"...\"}],"
                + "\"components\":[],\"pinned\":false,\"flags\":0}";
        return "{\"id\":\"" + id + "\",\"application_id\":\"" + FakeDiscord.APP_ID + "\",\"type\":3,\"token\":\"tok-" + id
                + "\",\"version\":1,\"channel_id\":\"" + FakeDiscord.dmChannelOf(ADA) + "\",\"channel\":{\"id\":\""
                + FakeDiscord.dmChannelOf(ADA) + "\",\"type\":1,\"recipients\":[" + user + "]},\"user\":" + user
                + ",\"locale\":\"en-US\",\"app_permissions\":\"0\",\"entitlements\":[],"
                + "\"authorizing_integration_owners\":{\"1\":\"" + ADA + "\"},\"context\":1,"
                + "\"data\":{\"custom_id\":\"" + customId + "\",\"component_type\":2}" + message + "}";
    }
}
