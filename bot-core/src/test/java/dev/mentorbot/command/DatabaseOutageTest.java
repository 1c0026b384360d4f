package dev.mentorbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server goes away while the bot runs and comes back: members asking for their
 * state hear a polite reply within seconds (not after the pool's old 30 s wait), answers keep
 * coming, nothing acknowledged before is lost, and the bot recovers without a restart.
 */
class DatabaseOutageTest {
    private static final MemberId ADA = MemberId.console("ada");

    @TempDir
    Path pgData;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aServerOutageGetsAPoliteReplyWithinSecondsAndTheBotRecovers() throws Exception {
        int port = freePort();
        EmbeddedPostgres server = start(port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Database db = Database.open(DatabaseSettings.postgres(url, "postgres", null))) {
            Commands commands = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                    QuestionPrivacy.FULL, Clock.systemUTC()));
            Reply ticked = commands.handle(tick("1"));
            assertThat(ticked.kind()).isEqualTo(Reply.Kind.CHECKLIST);
            assertThat(ticked.text()).endsWith("1/2 done.");

            server.close();

            for (CommandRequest request : new CommandRequest[] {tick("2"), checklist()}) {
                long t0 = System.nanoTime();
                Reply failed = commands.handle(request);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                assertThat(failed.kind()).isEqualTo(Reply.Kind.ERROR);
                assertThat(failed.text()).isEqualTo(Commands.STATE_UNAVAILABLE);
                assertThat(took).as("/%s during the outage", request.command()).isLessThan(Duration.ofSeconds(8));
            }
            Reply answer = commands.handle(new CommandRequest("ask", Map.of("question", "how much do ML engineers earn"), ADA));
            assertThat(answer.kind()).as("answers need no database").isEqualTo(Reply.Kind.ANSWER);

            server = start(port);

            Reply back = awaitRecovery(commands);
            assertThat(back.text()).as("the tick acknowledged before the outage is kept, the failed one is not there")
                    .endsWith("1/2 done.");
            Reply again = commands.handle(tick("2"));
            assertThat(again.text()).endsWith("2/2 done.");
        } finally {
            server.close();
        }
    }

    /** Retries the checklist until the pool has reconnected; the server needs a moment to accept logins. */
    private static Reply awaitRecovery(Commands commands) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Reply reply = commands.handle(checklist());
        while (reply.kind() == Reply.Kind.ERROR && System.nanoTime() < deadline) {
            Thread.sleep(250);
            reply = commands.handle(checklist());
        }
        assertThat(reply.kind()).as("recovered within 60 s: %s", reply.text()).isEqualTo(Reply.Kind.CHECKLIST);
        return reply;
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(pgData).setCleanDataDirectory(false)
                .setRegisterShutdownHook(true).setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    private static CommandRequest tick(String item) {
        return new CommandRequest("tick", Map.of("topic", "math", "item", item), ADA);
    }

    private static CommandRequest checklist() {
        return new CommandRequest("checklist", Map.of("topic", "math"), ADA);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
