package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Socket Mode through the real Bolt client against a local WebSocket server and a fake Web API. */
class SocketModeLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * Says hello to every connection and records what the client sends back. The first hello is
     * pretty-printed JSON and the later ones compact: Slack promises JSON, not a layout.
     */
    static final class FakeSocketServer extends WebSocketServer {
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<WebSocket> connections = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);

        FakeSocketServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.add(conn);
            conn.send(connections.size() == 1
                    ? "{\n  \"type\": \"hello\",\n  \"num_connections\": 1,\n  \"connection_info\": {\"app_id\": \"A1\"},\n"
                    + "  \"debug_info\": {\"host\": \"fixture\"}\n}"
                    : "{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"},"
                    + "\"debug_info\":{\"host\":\"fixture\"}}");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        WebSocket latest() {
            return connections.get(connections.size() - 1);
        }

        void awaitReceived(String fragment) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < end) {
                if (received.stream().anyMatch(m -> m.contains(fragment))) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("nothing containing " + fragment + " arrived; got " + received);
        }
    }

    @TempDir
    Path dir;
    private FakeSlackApi api;
    private FakeSocketServer ws;
    private TestCore core;
    private SlackAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        api = new FakeSlackApi();
        ws = new FakeSocketServer();
        ws.start();
        assertThat(ws.started.await(10, TimeUnit.SECONDS)).isTrue();
        api.socketUrl = "ws://127.0.0.1:" + ws.getPort() + "/";
        core = new TestCore(dir);
        SlackSettings settings = new SlackSettings("xoxb-fixture", "xapp-fixture", "", Optional.empty(), "127.0.0.1",
                api.apiUrl());
        adapter = new SlackAdapter(settings, core.commands::handle, core.commands.specs(),
                Optional.of(core.db.processedEvents()), Clock.systemUTC());
        adapter.start();
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        ws.stop(1000);
        core.close();
        api.close();
        // Everything the bot sent in the test, checked as Slack checks it before accepting it.
        assertThat(api.blockKitProblems).as("Block Kit problems in what the bot sent").isEmpty();
    }

    @Test
    void helloConnectsThenSlashCommandsAndEventsAreAckedWithTheirEnvelopeIds() throws Exception {
        assertThat(adapter.connected()).isTrue();
        assertThat(adapter.socketModeConnections()).isEqualTo(1);

        ws.latest().send("{\"envelope_id\":\"env-slash-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
                + "\"payload\":{\"token\":\"legacy\",\"team_id\":\"T1\",\"team_domain\":\"fixture\",\"channel_id\":\"C1\","
                + "\"channel_name\":\"general\",\"user_id\":\"U1\",\"user_name\":\"ann\",\"command\":\"/mentor\","
                + "\"text\":\"how much do ML engineers make\",\"api_app_id\":\"A1\",\"response_url\":\""
                + api.responseUrl("sm1") + "\",\"trigger_id\":\"1.2.3\"}}");
        ws.awaitReceived("\"envelope_id\":\"env-slash-1\"");
        api.await("respond", c -> c.body().contains("70,000"), WAIT);

        String event = "{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"EvSock1\",\"event_time\":1700000000,\"event\":{\"type\":\"app_mention\",\"user\":\"U1\","
                + "\"text\":\"<@UBOT> what is kaggle?\",\"ts\":\"1700000000.000700\",\"channel\":\"C1\","
                + "\"event_ts\":\"1700000000.000700\"}}";
        ws.latest().send("{\"envelope_id\":\"env-event-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + event + "}");
        ws.awaitReceived("\"envelope_id\":\"env-event-1\"");
        // The same event again, as Slack retries it: acked, not answered twice.
        ws.latest().send("{\"envelope_id\":\"env-event-2\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                + "\"retry_attempt\":1,\"retry_reason\":\"timeout\",\"payload\":" + event + "}");
        ws.awaitReceived("\"envelope_id\":\"env-event-2\"");
        FakeSlackApi.Call answer = api.await("chat.postMessage", c -> true, WAIT);
        assertThat(answer.params()).containsEntry("thread_ts", "1700000000.000700");
        Thread.sleep(300);
        assertThat(api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void anEnvelopeThatMerelyContainsAHelloIsNotAConnection() throws Exception {
        assertThat(adapter.socketModeConnections()).isEqualTo(1);
        // An event whose own type is "hello" (Slack adds event types) inside an ordinary envelope.
        ws.latest().send("{\"envelope_id\":\"env-odd-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                + "\"payload\":{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"EvOdd1\",\"event_time\":1700000000,\"event\":{\"type\":\"hello\",\"event_ts\":\"1700000000.1\"}}}");
        ws.awaitReceived("\"envelope_id\":\"env-odd-1\"");
        assertThat(adapter.socketModeConnections()).isEqualTo(1);
        assertThat(adapter.reconnects()).isZero();
        assertThat(adapter.connected()).isTrue();
    }

    @Test
    void aDisconnectMessageMakesTheClientReconnect() throws Exception {
        int opens = api.calls("apps.connections.open").size();
        ws.latest().send("{ \"type\" : \"disconnect\", \"reason\": \"refresh_requested\", \"debug_info\": {\"host\": \"fixture\"} }");
        long end = System.nanoTime() + WAIT.toNanos();
        while (adapter.socketModeConnections() < 2 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(adapter.socketModeConnections()).isEqualTo(2);
        assertThat(api.calls("apps.connections.open").size()).isGreaterThan(opens);
        assertThat(ws.connections).hasSizeGreaterThanOrEqualTo(2);
        assertThat(adapter.connected()).isTrue();
    }
}
