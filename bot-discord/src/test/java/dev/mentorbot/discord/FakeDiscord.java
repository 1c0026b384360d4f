package dev.mentorbot.discord;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A fake Discord on 127.0.0.1: a REST server that records every call JDA makes, and a gateway
 * that says HELLO, answers IDENTIFY with READY and heartbeats with ACKs, and dispatches events.
 * As on Discord, an interaction's original response ({@code PATCH} or {@code DELETE
 * webhooks/{app}/{token}/messages/@original}) exists only once the interaction was answered or
 * deferred; before that it is 404 Unknown Message.
 */
final class FakeDiscord implements AutoCloseable {
    static final String BOT_ID = "1000";
    private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
    /** The original response of an interaction, by its token: {@code webhooks/{app}/{token}/messages/@original}. */
    private static final Pattern ORIGINAL = Pattern.compile("webhooks/\\d+/([^/]+)/messages/@original");
    static final String APP_ID = "1000";

    /** One HTTP call JDA made. */
    record Call(String method, String path, String body) {
    }

    static final String GUILD_ID = "700";
    static final String TEXT_CHANNEL_ID = "600";
    /** A thread that already exists in the text channel when the bot joins. */
    static final String EXISTING_THREAD_ID = "801";
    /** What the bot's role allows: see, send, embed, read history, and open and post in public threads. */
    static final long ALL_PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 16) | (1L << 35) | (1L << 38);
    /** The same without Create Public Threads. */
    static final long NO_THREADS = ALL_PERMISSIONS & ~(1L << 35);

    final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    /** Every IDENTIFY the gateway received, as sent (one per shard started). */
    final List<String> identifies = new CopyOnWriteArrayList<>();
    volatile boolean rejectToken;
    /** When set, the bot is in one guild whose bot role has these permissions (sent as GUILD_CREATE after READY). */
    volatile Long guildPermissions;
    /** When set, opening a thread fails with 403 Missing Permissions, as when a channel override denies it. */
    volatile boolean refuseThreads;
    /** The threads the fake opened: as on Discord, a thread opened on a message has the message's id. */
    final Set<String> openedThreads = ConcurrentHashMap.newKeySet();
    /** When set, posting in a thread the fake opened fails with 403 Missing Permissions. */
    volatile boolean refuseThreadMessages;
    /** DM channels (see {@link #dmChannelOf}) whose user does not accept DMs from the bot: posting there is 403, code 50007. */
    final Set<String> closedDms = ConcurrentHashMap.newKeySet();
    /** Requests whose path matches this fail with 500 before Discord does anything, {@link #failures} times. */
    private volatile Pattern failPath = Pattern.compile("^$");
    private final AtomicInteger failures = new AtomicInteger();
    /** Callbacks Discord acted on but whose response was lost: the bot sees 500, the interaction is answered. */
    private final AtomicInteger lostCallbackResponses = new AtomicInteger();
    /**
     * Tokens of the interactions already answered or deferred: a second callback gets 400 with code
     * 40060, and only these have an original response to edit or delete, as on Discord.
     */
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final HttpServer rest;
    private final Gateway gateway;
    private final AtomicInteger seq = new AtomicInteger();

    FakeDiscord() throws Exception {
        rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rest.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath().replaceFirst("^/api/v10/", "");
            String method = exchange.getRequestMethod();
            int status = 200;
            String answer;
            java.util.regex.Matcher callback = CALLBACK.matcher(path);
            java.util.regex.Matcher original = ORIGINAL.matcher(path);
            if (failPath.matcher(path).matches() && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 500;
                answer = "{\"message\":\"500: Internal Server Error\",\"code\":0}";
            } else if (original.matches() && !acknowledged.contains(original.group(1))) {
                status = 404;
                answer = "{\"message\":\"Unknown Message\",\"code\":10008}";
            } else if (original.matches() && method.equals("DELETE")) {
                status = 204;
                answer = "";
            } else if (callback.matches() && !acknowledged.add(callback.group(2))) {
                status = 400;
                answer = "{\"message\":\"Interaction has already been acknowledged.\",\"code\":40060}";
            } else if (callback.matches() && lostCallbackResponses.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 500;
                answer = "{\"message\":\"500: Internal Server Error\",\"code\":0}";
            } else if (rejectToken) {
                status = 401;
                answer = "{\"message\":\"401: Unauthorized\",\"code\":0}";
            } else if (path.equals("users/@me/channels") && method.equals("POST")) {
                String recipient = Snapshots.tree(body).path("recipient_id").asText();
                answer = "{\"id\":\"" + dmChannelOf(recipient) + "\",\"type\":1,\"last_message_id\":null,"
                        + "\"recipients\":[" + user(recipient, "member-" + recipient, false) + "]}";
            } else if (path.matches("channels/\\d+/messages") && closedDms.contains(path.split("/")[1])) {
                status = 403;
                answer = "{\"message\":\"Cannot send messages to this user\",\"code\":50007}";
            } else if (path.equals("users/@me")) {
                answer = user(BOT_ID, "mentor", true);
            } else if (path.matches("channels/\\d+/messages/\\d+/threads")) {
                if (refuseThreads) {
                    status = 403;
                    answer = "{\"message\":\"Missing Permissions\",\"code\":50013}";
                } else {
                    String id = path.split("/")[3];
                    openedThreads.add(id);
                    answer = thread(id, body);
                }
            } else if (refuseThreadMessages && path.matches("channels/\\d+/messages")
                    && openedThreads.contains(path.split("/")[1])) {
                status = 403;
                answer = "{\"message\":\"Missing Permissions\",\"code\":50013}";
            } else if (path.endsWith("/callback")) {
                status = 204;
                answer = "";
            } else if (path.startsWith("webhooks/") || path.matches("channels/\\d+/messages")) {
                answer = message(body);
            } else {
                status = 404;
                answer = "{\"message\":\"Unknown\",\"code\":0}";
            }
            calls.add(new Call(method, path, body));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
            if (status != 204) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        rest.start();
        gateway = new Gateway();
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake gateway did not start");
        }
    }

    /** The next {@code times} requests whose path matches {@code pathRegex} fail with HTTP 500. */
    void failWith500(String pathRegex, int times) {
        failPath = Pattern.compile(pathRegex);
        failures.set(times);
    }

    /** The next {@code times} interaction callbacks are acted on, but the bot gets a 500 for them. */
    void loseCallbackResponses(int times) {
        lostCallbackResponses.set(times);
    }

    /** The id of the DM channel the fake opens with {@code userId}. */
    static String dmChannelOf(String userId) {
        return "9" + userId;
    }

    String restUrl() {
        return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort() + "/";
    }

    /** Drops every gateway connection the way a network blip does; JDA reconnects and resumes. */
    void dropConnections() {
        gateway.getConnections().forEach(c -> c.close(4000, "fake network blip"));
    }

    /** Sends a dispatch event to every connected client. */
    void dispatch(String type, String data) {
        gateway.broadcast("{\"op\":0,\"t\":\"" + type + "\",\"s\":" + seq.incrementAndGet() + ",\"d\":" + data + "}");
    }

    /** The next call matching {@code method path-regex}, waiting up to 10 s. */
    Call next(String method, String pathRegex) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Call> skipped = new CopyOnWriteArrayList<>();
        while (System.nanoTime() < deadline) {
            Call c = calls.poll(100, TimeUnit.MILLISECONDS);
            if (c != null && c.method().equals(method) && c.path().matches(pathRegex)) {
                calls.addAll(skipped);
                return c;
            }
            if (c != null) {
                skipped.add(c);
            }
        }
        throw new AssertionError("no " + method + " " + pathRegex + " within 10 s; saw " + skipped);
    }

    /** A snowflake for now: older ones make JDA treat an interaction as expired. */
    static String snowflake() {
        return Long.toString((System.currentTimeMillis() - 1420070400000L) << 22 | (System.nanoTime() & 0xFFF));
    }

    static String user(String id, String name, boolean bot) {
        return "{\"id\":\"" + id + "\",\"username\":\"" + name + "\",\"discriminator\":\"0\",\"global_name\":null,"
                + "\"avatar\":null,\"bot\":" + bot + ",\"flags\":0}";
    }

    private static String message(String requestBody) {
        return "{\"id\":\"" + snowflake() + "\",\"channel_id\":\"500\",\"type\":0,\"content\":\"\",\"author\":"
                + user(BOT_ID, "mentor", true) + ",\"timestamp\":\"2025-01-01T00:00:00.000000+00:00\","
                + "\"edited_timestamp\":null,\"tts\":false,\"mention_everyone\":false,\"mentions\":[],"
                + "\"mention_roles\":[],\"attachments\":[],\"embeds\":[],\"components\":[],\"pinned\":false,\"flags\":0}";
    }

    /** The thread Discord would create on a message in the text channel, named as the request asks. */
    private static String thread(String id, String requestBody) {
        String name = requestBody.replaceAll("(?s).*\"name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\".*", "$1");
        return threadChannel(id, name);
    }

    /** A public thread (type 11) in the text channel. */
    private static String threadChannel(String id, String name) {
        return "{\"id\":\"" + id + "\",\"type\":11,\"guild_id\":\"" + GUILD_ID + "\",\"parent_id\":\""
                + TEXT_CHANNEL_ID + "\",\"owner_id\":\"" + BOT_ID + "\",\"name\":\"" + name + "\",\"last_message_id\":null,"
                + "\"rate_limit_per_user\":0,\"message_count\":0,\"member_count\":1,\"total_message_sent\":0,\"flags\":0,"
                + "\"thread_metadata\":{\"archived\":false,\"auto_archive_duration\":1440,\"archive_timestamp\":"
                + "\"2025-01-01T00:00:00.000000+00:00\",\"locked\":false,\"create_timestamp\":\"2025-01-01T00:00:00.000000+00:00\"}}";
    }

    /**
     * A guild with one text channel holding one thread, where the bot holds one role with these
     * permissions. JDA checks permissions locally from exactly this: the @everyone role (whose id
     * is the guild's), the member's roles and the channel's overrides (none here).
     */
    static String guild(long botPermissions) {
        // Discord also sends role colours as "colors", which JDA 6.5 reads.
        String role = "\"position\":%d,\"color\":0,"
                + "\"colors\":{\"primary_color\":0,\"secondary_color\":null,\"tertiary_color\":null},\"hoist\":false,\"managed\":false,\"mentionable\":false,\"flags\":0";
        return "{\"id\":\"" + GUILD_ID + "\",\"name\":\"Fixture guild\",\"icon\":null,\"splash\":null,"
                + "\"discovery_splash\":null,\"banner\":null,\"description\":null,\"owner_id\":\"999\","
                + "\"afk_channel_id\":null,\"afk_timeout\":300,\"verification_level\":0,\"default_message_notifications\":0,"
                + "\"explicit_content_filter\":0,\"mfa_level\":0,\"nsfw_level\":0,\"premium_tier\":0,"
                + "\"premium_subscription_count\":0,\"features\":[],\"preferred_locale\":\"en-US\",\"max_members\":500000,"
                + "\"vanity_url_code\":null,\"system_channel_id\":null,\"rules_channel_id\":null,"
                + "\"public_updates_channel_id\":null,\"safety_alerts_channel_id\":null,\"member_count\":2,\"large\":false,"
                + "\"unavailable\":false,\"joined_at\":\"2025-01-01T00:00:00.000000+00:00\","
                + "\"roles\":[{\"id\":\"" + GUILD_ID + "\",\"name\":\"@everyone\",\"permissions\":\"0\"," + role.formatted(0)
                + "},{\"id\":\"701\",\"name\":\"mentor\",\"permissions\":\"" + botPermissions + "\"," + role.formatted(1) + "}],"
                + "\"emojis\":[],\"stickers\":[],\"threads\":[" + threadChannel(EXISTING_THREAD_ID, "earlier question") + "],"
                + "\"voice_states\":[],\"presences\":[],\"stage_instances\":[],"
                + "\"guild_scheduled_events\":[],\"soundboard_sounds\":[],"
                + "\"channels\":[{\"id\":\"" + TEXT_CHANNEL_ID + "\",\"type\":0,\"guild_id\":\"" + GUILD_ID + "\",\"name\":\"general\","
                + "\"position\":0,\"permission_overwrites\":[],\"parent_id\":null,\"topic\":null,\"nsfw\":false,"
                + "\"rate_limit_per_user\":0,\"last_message_id\":null,\"flags\":0}],"
                + "\"members\":[{\"user\":" + user(BOT_ID, "mentor", true) + ",\"roles\":[\"701\"],"
                + "\"joined_at\":\"2025-01-01T00:00:00.000000+00:00\",\"deaf\":false,\"mute\":false,\"flags\":0}]}";
    }

    @Override
    public void close() throws Exception {
        rest.stop(0);
        gateway.stop(1000);
    }

    private final class Gateway extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Gateway() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (message.contains("\"op\":2")) {
                identifies.add(message);
                Long permissions = guildPermissions;
                String guilds = permissions == null ? "[]" : "[{\"id\":\"" + GUILD_ID + "\",\"unavailable\":true}]";
                conn.send("{\"op\":0,\"t\":\"READY\",\"s\":" + seq.incrementAndGet() + ",\"d\":{\"v\":10,\"user\":"
                        + user(BOT_ID, "mentor", true) + ",\"guilds\":" + guilds + ",\"session_id\":\"fake-session\","
                        + "\"resume_gateway_url\":\"" + gatewayUrl() + "\",\"private_channels\":[],"
                        + "\"application\":{\"id\":\"" + APP_ID + "\",\"flags\":0}}}");
                if (permissions != null) {
                    conn.send("{\"op\":0,\"t\":\"GUILD_CREATE\",\"s\":" + seq.incrementAndGet() + ",\"d\":"
                            + guild(permissions) + "}");
                }
            } else if (message.contains("\"op\":6")) {
                conn.send("{\"op\":0,\"t\":\"RESUMED\",\"s\":" + seq.incrementAndGet() + ",\"d\":{}}");
            } else if (message.contains("\"op\":1")) {
                conn.send("{\"op\":11}");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

}
