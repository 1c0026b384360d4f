package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    private static final String SECRET = "scale-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private EmbeddedPostgres postgres;
    private FakeSlackApi api;
    private Database dbA;
    private Database dbB;
    private SlackAdapter a;
    private SlackAdapter b;
    private final HttpClient http = HttpClient.newHttpClient();
    private final RequestSignature signer = new RequestSignature(SECRET);

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        api = new FakeSlackApi();
        dbA = Database.open(DatabaseSettings.postgres(url, "postgres", null));
        dbB = Database.open(DatabaseSettings.postgres(url, "postgres", null));
        a = instance(dbA);
        b = instance(dbB);
    }

    private SlackAdapter instance(Database db) throws Exception {
        Commands commands = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.FULL, Clock.systemUTC()));
        SlackSettings settings = new SlackSettings("xoxb-fixture", "", SECRET, Optional.of(0), "127.0.0.1", api.apiUrl());
        SlackAdapter adapter = new SlackAdapter(settings, commands::handle, commands.specs(),
                Optional.of(db.processedEvents()), Clock.systemUTC());
        adapter.start();
        return adapter;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {a, b, dbA, dbB, api, postgres}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void theSameEventDeliveredToBothInstancesAtOnceIsAnsweredExactlyOnce() throws Exception {
        String event = "{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"EvScale1\",\"event_time\":1700000000,\"event\":{\"type\":\"app_mention\",\"user\":\"U1\","
                + "\"text\":\"<@UBOT> what is kaggle?\",\"ts\":\"1700000000.000900\",\"channel\":\"C1\","
                + "\"event_ts\":\"1700000000.000900\"}}";
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(signed(a, event), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> again = http.sendAsync(signed(b, event), HttpResponse.BodyHandlers.ofString());
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(again.get().statusCode()).isEqualTo(200);

        FakeSlackApi.Call answer = api.await("chat.postMessage", c -> true, WAIT);
        assertThat(answer.params().get("blocks")).contains("Kaggle");
        Thread.sleep(1500);
        List<FakeSlackApi.Call> posts = api.calls("chat.postMessage");
        assertThat(posts).as("answers to one event sent to two instances").hasSize(1);
    }

    private HttpRequest signed(SlackAdapter to, String body) {
        return SignedRequests.request(to.httpPort(), signer, SignedRequests.JSON, body);
    }
}
