package dev.mentorbot.slack;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.Reply;
import dev.mentorbot.platform.PlatformException;
import dev.mentorbot.state.Database;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Slack app in HTTP mode as the loopback tests run it: the real Bolt served on 127.0.0.1,
 * calling a {@link FakeSlackApi}, and the requests Slack would send it, signed as Slack signs them.
 *
 * <p>One fake Web API serves every instance started here, as Slack serves several {@code run}
 * processes behind a load balancer; requests go to the first instance unless a test names another.
 * The test keeps its own core (a {@link TestCore}, or a database and commands of its own) and
 * closes it itself; {@link #close()} closes the instances and the fake Web API.
 */
final class HttpModeBot implements AutoCloseable {
    /** What the app checks requests with, and what they are signed with here. */
    private static final String SECRET = "fixture-signing-secret";

    /** The fake Web API: what the bot sent, and how Slack answers it. */
    final FakeSlackApi api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final RequestSignature signer = new RequestSignature(SECRET);
    private final List<SlackAdapter> instances = new ArrayList<>();

    HttpModeBot() throws IOException {
        api = new FakeSlackApi();
    }

    /** Starts an instance answering with {@code commands}, which remembers Slack's event ids in {@code db}. */
    SlackAdapter start(Commands commands, Database db) throws PlatformException {
        return start(commands::handle, commands.specs(), db);
    }

    /** Starts an instance answering through {@code core} (a serving core in front of the commands, say). */
    SlackAdapter start(Function<CommandRequest, Reply> core, List<CommandSpec> specs, Database db)
            throws PlatformException {
        return started(new SlackAdapter(settings(true), core, specs, Optional.of(db.processedEvents()),
                Clock.systemUTC()));
    }

    /**
     * Starts an instance that keeps conversations in {@code db}, so a follow-up knows the earlier
     * subject; with {@code threadFollowUps} it also answers replies without a mention in its threads.
     */
    SlackAdapter startWithConversations(Commands commands, Database db, boolean threadFollowUps)
            throws PlatformException {
        return started(new SlackAdapter(settings(threadFollowUps), commands::handle, commands.specs(),
                Optional.of(db.processedEvents()), Optional.of(db.conversations()), Clock.systemUTC()));
    }

    private SlackSettings settings(boolean threadFollowUps) {
        // A port means HTTP mode (no app token needed); port 0 lets the system pick a free one, read back with httpPort().
        return new SlackSettings("xoxb-fixture", "", SECRET, Optional.of(0), "127.0.0.1", api.apiUrl(),
                threadFollowUps);
    }

    private SlackAdapter started(SlackAdapter adapter) throws PlatformException {
        // Kept before it starts, so close() still stops whatever part of it did start.
        instances.add(adapter);
        adapter.start();
        return adapter;
    }

    /** The first instance started: the one requests go to. */
    SlackAdapter adapter() {
        return instances.get(0);
    }

    /** The first instance's events URL, for requests a test builds itself (unsigned, badly signed). */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + adapter().httpPort() + SlackAdapter.EVENTS_PATH);
    }

    /** Posts a form body (a slash command, an interaction's payload) signed now. */
    HttpResponse<String> postForm(String body) throws IOException, InterruptedException {
        return send(SignedRequests.request(adapter().httpPort(), signer, SignedRequests.FORM, body));
    }

    /** Posts a JSON body (an event, a URL verification) signed now. */
    HttpResponse<String> postJson(String body) throws IOException, InterruptedException {
        return send(SignedRequests.request(adapter().httpPort(), signer, SignedRequests.JSON, body));
    }

    /** Posts {@code body} signed with the time {@code epochSecond} and with more headers (Slack's retry headers). */
    HttpResponse<String> post(String contentType, String body, long epochSecond, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = SignedRequests.builder(adapter().httpPort(), signer, contentType, body,
                epochSecond);
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Posts {@code body} signed now to the instance {@code to}, without waiting for the answer. */
    CompletableFuture<HttpResponse<String>> postAsync(SlackAdapter to, String contentType, String body) {
        return http.sendAsync(SignedRequests.request(to.httpPort(), signer, contentType, body),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request as it is. */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code /mentor text} from U1 in channel C1, answered through the response_url {@code responseId}. */
    String slash(String text, String responseId) {
        return slash("U1", text, responseId);
    }

    /** {@code /mentor text} from {@code userId} in channel C1, answered through the response_url {@code responseId}. */
    String slash(String userId, String text, String responseId) {
        StringBuilder sb = new StringBuilder();
        for (String[] kv : new String[][] {{"token", "legacy"}, {"team_id", "T1"}, {"team_domain", "fixture"},
                {"channel_id", "C1"}, {"channel_name", "general"}, {"user_id", userId}, {"user_name", userId},
                {"command", "/mentor"}, {"text", text}, {"response_url", api.responseUrl(responseId)}}) {
            sb.append(kv[0]).append('=').append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8)).append('&');
        }
        return sb.append("trigger_id=1.2.3").toString();
    }

    /** Slack's envelope around one event of the Events API. */
    static String eventCallback(String eventId, String eventJson) {
        return "{\"token\":\"legacy\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":" + eventJson + "}";
    }

    /** An interaction (a button, a checkbox) as Slack posts it: the JSON in a form's one field. */
    static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    /** Stops every instance, then the fake Web API. */
    @Override
    public void close() {
        instances.forEach(SlackAdapter::close);
        api.close();
    }
}
