package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.AnswerVisibility;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code answers.visibility: private} through the real JDA against the fake Discord: {@code /ask}
 * is answered to the asker alone (ephemeral) with a "Share in channel" button, and the click
 * answers the same question for everyone.
 */
class SharedAnswerLoopbackTest {
    private static final String USER = "7";
    private static final int EPHEMERAL = 1 << 6;

    @TempDir
    Path dataDir;
    private FakeDiscord discord;
    private Database db;
    private DiscordAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        db = Database.open(DatabaseSettings.sqlite(dataDir));
        Commands commands = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.OFF, Clock.systemUTC(), false, AnswerVisibility.PRIVATE));
        adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(discord.restUrl()),
                Optional.of(discord.gatewayUrl()), false, 1, List.of(), Duration.ofMillis(2500)), commands::handle,
                Commands.standardSpecs(), Map.of(), Optional.of(db.processedEvents()));
        adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        discord.close();
        db.close();
    }

    @Test
    void aSlashAnswerIsPrivateUntilTheAskerSharesIt() throws Exception {
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", interaction(id, 2, "{\"id\":\"900\",\"name\":\"ask\",\"type\":1,"
                + "\"options\":[{\"name\":\"question\",\"type\":3,\"value\":\"DL engineer salary\"}]}", ""));
        JsonNode privately = Snapshots.tree(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback").body());
        assertThat(privately.at("/data/embeds/0/description").asText()).contains("$95,500");
        assertThat(privately.at("/data/flags").asInt() & EPHEMERAL).as("for the asker alone").isEqualTo(EPHEMERAL);
        List<String> buttons = new ArrayList<>();
        privately.at("/data/components").forEach(row -> row.at("/components").forEach(b -> buttons.add(
                b.path("label").asText() + " = " + b.path("custom_id").asText())));
        assertThat(buttons).contains("Share in channel = ask:share:*:-");

        // The click carries the private message, whose title is the question; Discord stores its embed as "rich".
        com.fasterxml.jackson.databind.node.ObjectNode embed = privately.at("/data/embeds/0").deepCopy();
        embed.put("type", "rich");
        String click = FakeDiscord.snowflake();
        String message = ",\"message\":{\"id\":\"" + FakeDiscord.snowflake() + "\",\"channel_id\":\"500\",\"type\":0,"
                + "\"content\":\"\",\"author\":" + FakeDiscord.user(FakeDiscord.BOT_ID, "mentor", true)
                + ",\"timestamp\":\"2025-01-01T00:00:00.000000+00:00\",\"edited_timestamp\":null,\"tts\":false,"
                + "\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],\"attachments\":[],"
                + "\"embeds\":[" + embed + "],\"components\":[],\"pinned\":false,\"flags\":64}";
        discord.dispatch("INTERACTION_CREATE", interaction(click, 3,
                "{\"custom_id\":\"ask:share:*:-\",\"component_type\":2}", message));
        JsonNode shared = Snapshots.tree(discord.next("POST", "interactions/" + click + "/tok-" + click + "/callback").body());
        assertThat(shared.at("/data/embeds/0/description").asText()).contains("$95,500");
        assertThat(shared.at("/data/flags").asInt() & EPHEMERAL).as("for everyone").isZero();
        assertThat(shared.at("/data/components").toString()).doesNotContain("Share in channel");
    }

    private static String interaction(String id, int type, String data, String extra) {
        String user = FakeDiscord.user(USER, "ada", false);
        return "{\"id\":\"" + id + "\",\"application_id\":\"" + FakeDiscord.APP_ID + "\",\"type\":" + type
                + ",\"token\":\"tok-" + id + "\",\"version\":1,\"channel_id\":\"500\",\"channel\":{\"id\":\"500\","
                + "\"type\":1,\"recipients\":[" + user + "]},\"user\":" + user + ",\"locale\":\"en-US\","
                + "\"app_permissions\":\"0\",\"entitlements\":[],\"authorizing_integration_owners\":{\"1\":\"" + USER
                + "\"},\"context\":1,\"data\":" + data + extra + "}";
    }
}
