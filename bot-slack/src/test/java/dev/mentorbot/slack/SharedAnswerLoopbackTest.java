package dev.mentorbot.slack;

import static dev.mentorbot.slack.HttpModeBot.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code answers.visibility: private} through the real Bolt in HTTP mode: {@code /mentor QUESTION}
 * is answered to the asker alone with a "Share in channel" button, and the click posts the answer
 * for the channel.
 */
class SharedAnswerLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private HttpModeBot bot;
    private Database db;

    @BeforeEach
    void start() throws Exception {
        bot = new HttpModeBot();
        db = Database.open(DatabaseSettings.sqlite(dir));
        Commands commands = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.OFF, Clock.systemUTC(), false, AnswerVisibility.PRIVATE));
        bot.start(commands, db);
    }

    @AfterEach
    void stop() {
        bot.close();
        db.close();
        assertThat(bot.api.blockKitProblems).as("Block Kit problems in what the bot sent").isEmpty();
    }

    @Test
    void aSlashAnswerIsPrivateUntilTheAskerSharesIt() throws Exception {
        assertThat(bot.postForm(bot.slash("how much do ML engineers make", "ask")).statusCode()).isEqualTo(200);
        JsonObject privately = bot.api.await("respond", c -> c.body().contains("70,000"), WAIT).json();
        assertThat(privately.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(privately.toString()).contains("Share in channel").contains("ask:share:*:how much do ML engineers make");

        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"fixture\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"ann\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\","
                + "\"token\":\"legacy\",\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000200\","
                + "\"channel_id\":\"C1\",\"is_ephemeral\":true},\"trigger_id\":\"1.2\",\"channel\":{\"id\":\"C1\","
                + "\"name\":\"general\"},\"response_url\":\"" + bot.api.responseUrl("share") + "\","
                + "\"actions\":[{\"action_id\":\"mentor:action-0\",\"block_id\":\"actions\",\"type\":\"button\","
                + "\"value\":\"ask:share:*:how much do ML engineers make\",\"action_ts\":\"1700000000.3\"}]}";
        assertThat(bot.postForm(payload(payload)).statusCode()).isEqualTo(200);
        FakeSlackApi.Call shared = bot.api.await("respond", c -> "share".equals(c.params().get("response_id")), WAIT);
        JsonObject json = shared.json();
        assertThat(json.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(json.get("replace_original").getAsBoolean()).as("the private answer stays").isFalse();
        assertThat(json.toString()).contains("70,000").doesNotContain("Share in channel");
    }
}
