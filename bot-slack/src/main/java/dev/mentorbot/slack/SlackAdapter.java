package dev.mentorbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.platform.DirectMessages;
import dev.mentorbot.platform.PlatformAdapter;
import dev.mentorbot.platform.PlatformException;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.ProcessedEvents;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack bot as a platform adapter: Socket Mode by default (no public URL needed), or HTTP on
 * Jetty 12 with Bolt behind {@link VerifiedSlackServlet}. Checks the tokens with Slack before
 * reporting itself connected, so a wrong token is one clear message naming its variable.
 */
public final class SlackAdapter implements PlatformAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
    /** Path Slack posts to in HTTP mode (Bolt's convention). */
    public static final String EVENTS_PATH = "/slack/events";
    /** Answer workers; see the constructor for why this is well above the core count. */
    static final int WORKERS = 32;
    static final long CONNECT_TIMEOUT_SECONDS = 20;

    private final SettingsSource source;
    private SlackSettings settings;
    private final Function<CommandRequest, Reply> core;
    private final List<CommandSpec> specs;
    private final Optional<ProcessedEvents> events;
    private final Optional<ConversationStore> conversations;
    private SlackBot bot;
    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicBoolean socketOpen = new AtomicBoolean();
    private final AtomicInteger hellos = new AtomicInteger();
    private Slack slack;
    private App app;
    private SocketModeApp socketMode;
    private SocketModeClient socketClient;
    private Server jetty;
    private String teamId;

    public SlackAdapter(SlackSettings settings, Function<CommandRequest, Reply> core, List<CommandSpec> specs,
                        Optional<ProcessedEvents> events, Clock clock) {
        this(() -> settings, core, specs, events, Optional.empty(), clock);
    }

    /**
     * An adapter that also follows the threads it answered in.
     *
     * @param conversations the conversations' recent turns, shared by every instance: a thread with
     *                      one is a thread the bot answers without a mention
     */
    public SlackAdapter(SlackSettings settings, Function<CommandRequest, Reply> core, List<CommandSpec> specs,
                        Optional<ProcessedEvents> events, Optional<ConversationStore> conversations, Clock clock) {
        this(() -> settings, core, specs, events, conversations, clock);
    }

    private SlackAdapter(SettingsSource source, Function<CommandRequest, Reply> core, List<CommandSpec> specs,
                         Optional<ProcessedEvents> events, Optional<ConversationStore> conversations, Clock clock) {
        this.source = source;
        this.core = core;
        this.specs = specs;
        this.events = events;
        this.conversations = conversations;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        // A worker builds the answer (milliseconds of CPU) and then posts it to Slack with a blocking
        // HTTP call (tens to hundreds of milliseconds), so most workers wait on the network: a pool
        // sized for the CPU would cap the bot at a few dozen answers a second (measured by the load test).
        this.executor = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "slack-answer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The adapter the environment describes ({@link SlackSettings}); the settings are checked in
     * {@link #start()}, so a missing or malformed variable is reported like a rejected token.
     */
    public static SlackAdapter fromEnv(Map<String, String> env, Function<CommandRequest, Reply> core,
                                       List<CommandSpec> specs, Optional<ProcessedEvents> events) {
        return fromEnv(env, core, specs, events, Optional.empty());
    }

    /** The adapter the environment describes, following the threads it answered in. */
    public static SlackAdapter fromEnv(Map<String, String> env, Function<CommandRequest, Reply> core,
                                       List<CommandSpec> specs, Optional<ProcessedEvents> events,
                                       Optional<ConversationStore> conversations) {
        Map<String, String> copy = Map.copyOf(env);
        return new SlackAdapter(() -> SlackSettings.fromEnv(copy, Optional.empty()), core, specs, events,
                conversations, Clock.systemUTC());
    }

    @FunctionalInterface
    private interface SettingsSource {
        SlackSettings get() throws PlatformException;
    }

    @Override
    public String name() {
        return "slack";
    }

    /** Direct messages to the members of the workspace the bot token belongs to (weekly check-ins). */
    @Override
    public synchronized Optional<DirectMessages> directMessages() {
        return slack == null || teamId == null ? Optional.empty()
                : Optional.of(new SlackDirectMessages(slack.methods(settings.botToken()), teamId));
    }

    @Override
    public synchronized void start() throws PlatformException {
        settings = source.get();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        // The stats collector resolves team ids with its own auth.test and logs a stack trace when
        // Slack is unreachable; the adapter reports that itself, in one line.
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        bot = new SlackBot(core, specs, events, conversations, settings.threadFollowUps(), executor);
        authTest();
        // Events the bot has no handler for (a message subtype it never saw, an event added to the
        // app's subscriptions later) are acked with 200 too: Bolt would answer 404 and Slack
        // would redeliver them. Bolt's own self-event filter is off: for every message with a
        // bot_id it calls bots.info, which needs the users:read scope the app does not ask for,
        // and fails the whole event when that call fails. SlackBot ignores bots' messages itself.
        app = bot.register(new App(AppConfig.builder().slack(slack).singleTeamBotToken(settings.botToken())
                .signingSecret(settings.httpMode() ? settings.signingSecret() : null)
                .allEventsApiAutoAckEnabled(true).ignoringSelfEventsEnabled(false).build()));
        if (settings.httpMode()) {
            startHttp();
        } else {
            startSocketMode();
        }
    }

    private void authTest() throws PlatformException {
        AuthTestResponse auth;
        try {
            auth = slack.methods(settings.botToken()).authTest(r -> r);
        } catch (IOException | SlackApiException e) {
            throw new PlatformException("Cannot reach the Slack Web API at " + settings.apiUrl() + " (" + e.getMessage()
                    + "). Check the network, or " + SlackSettings.API_URL + " if you set it.", e);
        }
        if (!auth.isOk()) {
            throw new PlatformException(SlackSettings.BOT_TOKEN + " was rejected by Slack (" + auth.getError()
                    + "): copy the Bot User OAuth Token again from OAuth & Permissions, and reinstall the app "
                    + "if you changed its scopes.");
        }
        bot.botUser(auth.getUserId());
        teamId = auth.getTeamId();
        LOG.info("slack: signed in as {} in {}", auth.getUser(), auth.getTeam());
    }

    private void startSocketMode() throws PlatformException {
        CountDownLatch hello = new CountDownLatch(1);
        try {
            AppsConnectionsOpenResponse open = slack.methods().appsConnectionsOpen(r -> r.token(settings.appToken()));
            if (!open.isOk()) {
                throw new PlatformException(SlackSettings.APP_TOKEN + " was rejected by Slack (" + open.getError()
                        + "): create an app-level token with the connections:write scope under Basic Information, "
                        + "and make sure Socket Mode is enabled.");
            }
            socketClient = slack.socketMode(settings.appToken(), SocketModeClient.Backend.JavaWebSocket);
        } catch (IOException | SlackApiException | IllegalStateException e) {
            throw new PlatformException("Cannot open a Socket Mode connection through " + settings.apiUrl() + " ("
                    + e.getMessage() + ").", e);
        }
        socketClient.addWebSocketMessageListener(message -> {
            String type = SocketModeMessage.type(message).orElse("");
            if (type.equals(SocketModeMessage.HELLO)) {
                socketOpen.set(true);
                hellos.incrementAndGet();
                hello.countDown();
            } else if (type.equals(SocketModeMessage.DISCONNECT)) {
                socketOpen.set(false);
            }
        });
        socketClient.addWebSocketCloseListener((code, reason) -> socketOpen.set(false));
        // Routes envelopes into Bolt and acks them with their envelope id. (SocketModeApp's
        // constructor taking a ready client registers no such listener.)
        SocketModeRequestParser parser = new SocketModeRequestParser(app.config());
        Gson gson = GsonFactory.createSnakeCase(slack.getConfig());
        SocketModeClient client = socketClient;
        socketClient.addWebSocketMessageListener(message -> route(client, parser, gson, message));
        socketMode = new SocketModeApp(() -> client, app);
        try {
            socketMode.startAsync();
            if (!hello.await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                close();
                throw new PlatformException("Slack did not open the Socket Mode connection within "
                        + CONNECT_TIMEOUT_SECONDS + " s; check that the network allows WebSocket connections.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted while connecting to Slack.", e);
        } catch (PlatformException e) {
            throw e;
        } catch (Exception e) {
            close();
            throw new PlatformException("Could not start Socket Mode: " + e.getMessage(), e);
        }
    }

    private void route(SocketModeClient client, SocketModeRequestParser parser, Gson gson, String message) {
        SocketModeRequest req;
        try {
            req = parser.parse(message);
        } catch (RuntimeException e) {
            LOG.warn("ignored a Socket Mode message that is not an envelope: {}", e.toString());
            return;
        }
        if (req == null) {
            return;
        }
        String envelopeId = req.getEnvelope().getEnvelopeId();
        try {
            Response response = app.run(req.getBoltRequest());
            String body = response.getBody();
            if (response.getStatusCode() == 200 && body != null && !body.isBlank()
                    && response.getContentType() != null && response.getContentType().startsWith("application/json")) {
                JsonObject ack = new JsonObject();
                ack.addProperty("envelope_id", envelopeId);
                ack.add("payload", gson.fromJson(body, JsonElement.class));
                client.sendSocketModeResponse(gson.toJson(ack));
                return;
            }
        } catch (Exception e) {
            LOG.warn("could not handle a Socket Mode envelope: {}", e.toString());
        }
        // Ack even a failed envelope: Slack would only redeliver the same failure.
        client.sendSocketModeResponse(new AckResponse(envelopeId));
    }

    private void startHttp() throws PlatformException {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(settings.httpHost());
        connector.setPort(settings.httpPort().orElseThrow());
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new VerifiedSlackServlet(app,
                new RequestSignature(settings.signingSecret()), clock)), EVENTS_PATH);
        jetty.setHandler(context);
        try {
            app.start();
            jetty.start();
        } catch (Exception e) {
            close();
            throw new PlatformException("Cannot listen on " + settings.httpHost() + ":" + settings.httpPort().get()
                    + " for Slack (" + e.getMessage() + "): choose another port with --slack-http-port or "
                    + SlackSettings.HTTP_PORT + ".", e);
        }
    }

    /** The port Jetty listens on in HTTP mode (useful with port 0), or -1. */
    public synchronized int httpPort() {
        if (jetty == null || jetty.getConnectors().length == 0) {
            return -1;
        }
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** How many Socket Mode {@code hello}s arrived: one per (re)connection. */
    public int socketModeConnections() {
        return hellos.get();
    }

    /** Socket Mode reconnections: every {@code hello} after the first. HTTP mode has no connection to lose. */
    @Override
    public long reconnects() {
        return Math.max(0, hellos.get() - 1);
    }

    @Override
    public synchronized boolean connected() {
        if (jetty != null) {
            return jetty.isStarted();
        }
        return socketMode != null && socketOpen.get();
    }

    @Override
    public synchronized void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.debug("closing Socket Mode: {}", e.toString());
            }
            socketMode = null;
        }
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                LOG.debug("stopping Jetty: {}", e.toString());
            }
        }
        if (app != null) {
            try {
                app.stop();
            } catch (Exception e) {
                LOG.debug("stopping Bolt: {}", e.toString());
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        socketOpen.set(false);
    }
}
