package dev.mentorbot.discord;

import com.neovisionaries.ws.client.WebSocketFactory;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandText;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.platform.DirectMessages;
import dev.mentorbot.platform.PlatformAdapter;
import dev.mentorbot.platform.PlatformException;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.ProcessedEvents;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot's connection: logs in, connects the shards, registers the slash commands, and
 * stops. Holds no mentoring logic. Interactions are {@link InteractionListener}'s, messages
 * {@link MentionListener}'s; both run the core through {@link CoreCalls}, never on JDA's event
 * thread, and an interaction is deferred when the core has not answered within
 * {@link DiscordSettings#deferAfter()}.
 *
 * <p>Intents: {@code GUILD_MESSAGES} and {@code DIRECT_MESSAGES}, neither privileged; Discord
 * delivers message content for DMs and for messages that mention the bot, which is all it reads.
 * With {@link DiscordSettings#messageContent()} it also asks for the privileged
 * {@code MESSAGE_CONTENT} intent, and answers messages without a mention in the threads it opened
 * and answered in lately; without it, its first message in a thread it opens tells members to
 * mention it for follow-ups.
 *
 * <p>Threads and DMs are conversations ({@link DiscordConversation}): a follow-up there ("and in
 * India?") is understood with the earlier question.
 */
public final class DiscordAdapter extends ListenerAdapter implements PlatformAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** How long opening the gateway's TCP connection may take before it counts as unreachable. */
    private static final Duration GATEWAY_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final DiscordSettings settings;
    private final String settingsProblem;
    private final List<CommandSpec> specs;
    private final Map<OptionSpec.Type, List<Choice>> choices;
    private final Optional<ProcessedEvents> events;
    private final Optional<ConversationStore> conversations;
    private final CoreCalls calls;
    private final ScheduledExecutorService timers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<CloseCode> closeCode = new AtomicReference<>();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile ShardManager shards;

    /**
     * @param settings how to connect
     * @param core     the core's dispatcher, e.g. {@code commands::handle} (must not throw)
     * @param specs    the commands to offer as slash commands
     * @param choices  the tracks and topics members can pick
     * @param events   processed-event store to ignore redelivered events, if any
     */
    public DiscordAdapter(DiscordSettings settings, Function<CommandRequest, Reply> core, List<CommandSpec> specs,
                          Map<OptionSpec.Type, List<Choice>> choices, Optional<ProcessedEvents> events) {
        this(settings, null, core, specs, choices, events, Optional.empty());
    }

    /**
     * An adapter that also follows the threads it opened.
     *
     * @param conversations the conversations' recent turns: a thread of the bot's with one is
     *                      answered without a mention (with the Message Content intent)
     */
    public DiscordAdapter(DiscordSettings settings, Function<CommandRequest, Reply> core, List<CommandSpec> specs,
                          Map<OptionSpec.Type, List<Choice>> choices, Optional<ProcessedEvents> events,
                          Optional<ConversationStore> conversations) {
        this(settings, null, core, specs, choices, events, conversations);
    }

    private DiscordAdapter(DiscordSettings settings, String problem, Function<CommandRequest, Reply> core,
                           List<CommandSpec> specs, Map<OptionSpec.Type, List<Choice>> choices,
                           Optional<ProcessedEvents> events, Optional<ConversationStore> conversations) {
        this.settings = settings;
        this.settingsProblem = problem;
        this.specs = List.copyOf(specs);
        this.choices = Map.copyOf(choices);
        this.events = events;
        this.conversations = conversations;
        this.calls = new CoreCalls(core);
        this.timers = Executors.newSingleThreadScheduledExecutor(CoreCalls.daemon("discord-defer"));
    }

    /**
     * The adapter the environment describes. Never throws: bad settings are reported by
     * {@link #start()}, with the variable to fix.
     */
    public static DiscordAdapter fromEnv(Map<String, String> env, Function<CommandRequest, Reply> core,
                                         List<CommandSpec> specs, Map<OptionSpec.Type, List<Choice>> choices,
                                         Optional<ProcessedEvents> events) {
        return fromEnv(env, core, specs, choices, events, Optional.empty());
    }

    /** The adapter the environment describes, following the threads it opened. */
    public static DiscordAdapter fromEnv(Map<String, String> env, Function<CommandRequest, Reply> core,
                                         List<CommandSpec> specs, Map<OptionSpec.Type, List<Choice>> choices,
                                         Optional<ProcessedEvents> events, Optional<ConversationStore> conversations) {
        try {
            return new DiscordAdapter(DiscordSettings.fromEnv(env), null, core, specs, choices, events, conversations);
        } catch (IllegalArgumentException e) {
            return new DiscordAdapter(null, e.getMessage(), core, specs, choices, events, conversations);
        }
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public void start() throws PlatformException {
        if (settingsProblem != null) {
            throw new PlatformException(settingsProblem);
        }
        // JDA's default parses users, roles and @everyone for every message; the bot echoes members' text.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        Reachability.checkRest(settings.restBaseUrl());
        GatewaySessions sessions = new GatewaySessions(settings.gatewayUrl(), settings.shardTotal());
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);
        if (settings.messageContent()) {
            // Privileged: Discord closes the connection (4014) unless the Developer Portal allows it too.
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder
                .createLight(settings.token(), intents)
                .setShardsTotal(settings.shardTotal())
                .setCompression(settings.compression() ? Compression.ZLIB : Compression.NONE)
                .setEnableShutdownHook(false)
                // One 500 from Discord must not lose an answer: see AnswerRetries.
                .setHttpClientBuilder(AnswerRetries.httpClient())
                .setSessionController(sessions)
                // Without a bound, a gateway address that drops packets holds the start for minutes.
                .setWebsocketFactory(new WebSocketFactory().setConnectionTimeout((int) GATEWAY_CONNECT_TIMEOUT.toMillis()))
                .addEventListeners(this, interactions(), mentions());
        if (!settings.shardIds().isEmpty()) {
            builder.setShards(settings.shardIds());
        }
        settings.restBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        try {
            shards = builder.build();
        } catch (InvalidTokenException e) {
            throw tokenRejected();
        } catch (ErrorResponseException e) {
            if (isUnauthorized(e)) {
                throw tokenRejected();
            }
            if (e.getCause() instanceof IOException) {
                throw Reachability.restUnreachable(settings.restBaseUrl(), e.getCause());
            }
            throw new PlatformException("Discord refused to log in: " + e.getMeaning());
        } catch (IllegalArgumentException e) {
            throw new PlatformException("Discord settings are not usable: " + e.getMessage());
        } catch (RuntimeException e) {
            throw Reachability.restUnreachable(settings.restBaseUrl(), e);
        }
        awaitConnected(sessions);
        sessions.started();
    }

    private InteractionListener interactions() {
        return new InteractionListener(calls, new Replays(events), specs, choices, settings.deferAfter(), timers);
    }

    private MentionListener mentions() {
        return new MentionListener(calls, new CommandText(specs), new Replays(events), settings.messageContent(), conversations);
    }

    private static boolean isUnauthorized(ErrorResponseException e) {
        return e.getResponse() != null && e.getResponse().code == 401;
    }

    private PlatformException tokenRejected() {
        return new PlatformException("Discord rejected " + DiscordSettings.TOKEN + " (401 Unauthorized). "
                + DiscordSettings.PORTAL_STEP + " into " + DiscordSettings.TOKEN + ".");
    }

    private void awaitConnected(GatewaySessions sessions) throws PlatformException {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (true) {
            if (sessions.failure().isPresent()) {
                close();
                throw Reachability.gatewayUnreachable(sessions.url(), settings.gatewayUrl().isPresent(),
                        sessions.failure().get());
            }
            CloseCode code = closeCode.get();
            if (code == CloseCode.AUTHENTICATION_FAILED) {
                close();
                throw tokenRejected();
            }
            if (code != null && !code.isReconnect()) {
                close();
                throw new PlatformException("Discord closed the connection: " + code.getMeaning());
            }
            if (connected()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new PlatformException("Could not connect to the Discord gateway" + settings.gatewayUrl()
                        .map(u -> " at " + u).orElse("") + " within " + CONNECT_TIMEOUT.toSeconds() + " s.");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new PlatformException("Interrupted while connecting to Discord.");
            }
        }
    }

    /** Direct messages through any connected shard (weekly check-ins). */
    @Override
    public Optional<DirectMessages> directMessages() {
        return shards == null ? Optional.empty() : Optional.of(new DiscordDirectMessages(() -> {
            ShardManager running = shards;
            return running == null ? null : running.getShardCache().stream()
                    .filter(jda -> jda.getStatus() == JDA.Status.CONNECTED).findFirst().orElse(null);
        }));
    }

    @Override
    public boolean connected() {
        ShardManager s = shards;
        return s != null && !closed.get() && !s.getShards().isEmpty()
                && s.getShards().stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED);
    }

    /** Gateway sessions resumed or re-created after a drop, across all shards. */
    @Override
    public long reconnects() {
        return reconnects.get();
    }

    /**
     * Registers the slash commands: in one guild (instant, for testing) or globally. Needs a
     * started adapter.
     *
     * @return how many commands were registered
     */
    public int registerCommands(Optional<String> guildId) throws PlatformException {
        ShardManager s = shards;
        if (s == null) {
            throw new PlatformException("Discord is not connected.");
        }
        List<CommandData> data = SlashCommands.of(specs, choices);
        try {
            if (guildId.isPresent()) {
                var guild = s.getGuildById(guildId.get());
                if (guild == null) {
                    throw new PlatformException("The bot is not in the guild " + guildId.get()
                            + ". Invite it first (discord invite), then register again.");
                }
                return guild.updateCommands().addCommands(data).complete().size();
            }
            return s.getShards().get(0).updateCommands().addCommands(data).complete().size();
        } catch (ErrorResponseException e) {
            throw new PlatformException("Discord refused the commands: " + e.getMeaning());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        calls.close();
        ShardManager s = shards;
        if (s != null) {
            List<JDA> running = s.getShards();
            s.shutdown();
            for (JDA jda : running) {
                try {
                    if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                        jda.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        timers.shutdownNow();
    }

    // ---- session events ------------------------------------------------------------------------

    @Override
    public void onShutdown(ShutdownEvent event) {
        if (event.getCloseCode() != null) {
            closeCode.set(event.getCloseCode());
        }
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
        reconnects.incrementAndGet();
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        reconnects.incrementAndGet();
    }
}
