package dev.mentorbot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A fake Slack Web API on 127.0.0.1: answers the methods the bot calls with canned JSON and records
 * every call, plus a response_url endpoint under {@code /respond/}.
 */
public final class FakeSlackApi implements AutoCloseable {
    /** One recorded call: the method (or {@code respond}) and its parameters or JSON body. */
    public record Call(String method, Map<String, String> params, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile String socketUrl = "ws://127.0.0.1:1/";
    volatile String badToken = "xoxb-rejected";

    /** chat.postMessage to these channels (or user ids) fails with the error given, as Slack answers with HTTP 200. */
    public final Map<String, String> postMessageErrors = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many of the next chat.postMessage calls get HTTP 429 with Retry-After: 1. */
    public final java.util.concurrent.atomic.AtomicInteger rateLimitPostMessages = new java.util.concurrent.atomic.AtomicInteger();

    /** Whether calls are kept in {@link #calls}; a long load test turns it off to keep memory flat. */
    public volatile boolean keepCalls = true;

    /**
     * What {@link BlockKitValidator} found in the blocks of every message, response and view the
     * bot sent; empty when Slack would have accepted them all.
     */
    public final List<String> blockKitProblems = new CopyOnWriteArrayList<>();

    /** Called with every call as it arrives (load tests wait on this instead of polling). */
    public volatile java.util.function.Consumer<Call> onCall = c -> { };

    public FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + id;
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Map<String, String> params = new LinkedHashMap<>();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String method = path.startsWith("/respond/") ? "respond" : path.substring(path.lastIndexOf('/') + 1);
        if (method.equals("respond")) {
            params.put("response_id", path.substring("/respond/".length()));
        }
        Call call = new Call(method, params, body);
        validate(call);
        if (keepCalls) {
            calls.add(call);
        }
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.getOrDefault("token", "");
        String answer;
        if (token.equals(badToken)) {
            answer = "{\"ok\":false,\"error\":\"invalid_auth\"}";
        } else {
            answer = switch (method) {
                case "respond" -> "ok";
                case "auth.test" -> "{\"ok\":true,\"url\":\"https://fixture.slack.com/\",\"team\":\"Fixture\","
                        + "\"user\":\"mentor\",\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}";
                case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketUrl + "\"}";
                case "chat.postMessage" -> postMessageErrors.containsKey(params.getOrDefault("channel", ""))
                        ? "{\"ok\":false,\"error\":\"" + postMessageErrors.get(params.get("channel")) + "\"}"
                        : "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000200\"}";
                // What Slack answers an app installed with the manifest's scopes (no users:read).
                case "bots.info" -> "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"users:read\"}";
                default -> "{\"ok\":true}";
            };
        }
        int status = 200;
        if (method.equals("chat.postMessage") && rateLimitPostMessages.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 429;
            answer = "{\"ok\":false,\"error\":\"ratelimited\"}";
            ex.getResponseHeaders().add("Retry-After", "1");
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", method.equals("respond") ? "text/plain" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
        onCall.accept(call);
    }

    /** Checks the blocks the bot sent, as Slack would before accepting them. */
    private void validate(Call call) {
        try {
            List<String> problems = switch (call.method()) {
                case "chat.postMessage", "chat.postEphemeral", "chat.update" -> call.params().containsKey("blocks")
                        ? BlockKitValidator.message(call.params().get("blocks")) : List.of();
                case "views.publish" -> BlockKitValidator.view(call.params().get("view"));
                case "respond" -> call.json().has("blocks")
                        ? BlockKitValidator.message(call.json().get("blocks").toString()) : List.of();
                default -> List.of();
            };
            problems.forEach(p -> blockKitProblems.add(call.method() + ": " + p));
        } catch (RuntimeException e) {
            blockKitProblems.add(call.method() + ": not readable as Block Kit (" + e + ")");
        }
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits up to {@code timeout} for a call matching the predicate. */
    Call await(String method, Predicate<Call> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Call c : calls(method)) {
                if (match.test(c)) {
                    return c;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching " + method + " call arrived; calls: " + calls.stream().map(Call::method).toList()
                + "; " + method + " params: " + calls(method).stream().map(Call::params).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
