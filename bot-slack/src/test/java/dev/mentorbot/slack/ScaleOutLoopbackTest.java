package dev.mentorbot.slack;

import static dev.mentorbot.slack.HttpModeBot.eventCallback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two bot instances behind a load balancer, as two {@code run} processes would be: each with its
 * own HTTP endpoint and its own connection pool to one shared PostgreSQL. Slack delivers an event
 * to one of them and, when it thinks the delivery was lost, again, possibly to the other. Whichever
 * instance claims the event id first in the database answers; the other stays quiet.
 */
class ScaleOutLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private EmbeddedPostgres postgres;
    private HttpModeBot bot;
    private Database dbA;
    private Database dbB;
    private SlackAdapter a;
    private SlackAdapter b;

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        bot = new HttpModeBot();
        dbA = Database.open(DatabaseSettings.postgres(url, "postgres", null));
        dbB = Database.open(DatabaseSettings.postgres(url, "postgres", null));
        a = bot.start(commands(dbA), dbA);
        b = bot.start(commands(dbB), dbB);
    }

    private static Commands commands(Database db) {
        return Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.FULL, Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {bot, dbA, dbB, postgres}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void theSameEventDeliveredToBothInstancesAtOnceIsAnsweredExactlyOnce() throws Exception {
        String event = eventCallback("EvScale1", "{\"type\":\"app_mention\",\"user\":\"U1\","
                + "\"text\":\"<@UBOT> what is kaggle?\",\"ts\":\"1700000000.000900\",\"channel\":\"C1\","
                + "\"event_ts\":\"1700000000.000900\"}");
        CompletableFuture<HttpResponse<String>> first = bot.postAsync(a, SignedRequests.JSON, event);
        CompletableFuture<HttpResponse<String>> again = bot.postAsync(b, SignedRequests.JSON, event);
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(again.get().statusCode()).isEqualTo(200);

        FakeSlackApi.Call answer = bot.api.await("chat.postMessage", c -> true, WAIT);
        assertThat(answer.params().get("blocks")).contains("Kaggle");
        Thread.sleep(1500);
        List<FakeSlackApi.Call> posts = bot.api.calls("chat.postMessage");
        assertThat(posts).as("answers to one event sent to two instances").hasSize(1);
    }
}
