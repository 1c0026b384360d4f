package dev.mentorbot.discord;

import com.neovisionaries.ws.client.WebSocketFactory;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.platform.PlatformAdapter;
import dev.mentorbot.platform.PlatformException;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.ProcessedEvents;
import dev.mentorbot.state.StateException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: JDA events in, core requests out, core replies rendered back. Holds no
 * mentoring logic. The core runs on an executor, never on JDA's event thread; an interaction is
 * deferred when the core has not answered within {@link DiscordSettings#deferAfter()}.
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
    /** Commands whose replies are personal: deferred as ephemeral when slow. */
    private static final Set<String> PERSONAL = Set.of("progress", "checklist", "tick", "untick", "next", "follow",
            "unfollow", "forget-me", "help");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** How long opening the gateway's TCP connection may take before it counts as unreachable. */
    private static final Duration GATEWAY_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration EVENT_TTL = Duration.ofMinutes(15);
    /** How long a channel where Discord refused a thread gets plain replies without asking again. */
    private static final Duration THREAD_REFUSAL_MEMORY = Duration.ofMinutes(10);

    private final DiscordSettings settings;
    private final String settingsProblem;
    private final Function<CommandRequest, Reply> core;
    private final List<CommandSpec> specs;
    private final Map<OptionSpec.Type, List<Choice>> choices;
    private final Optional<ProcessedEvents> events;
    private final Optional<ConversationStore> conversations;
    private final ExecutorService work;
    private final ScheduledExecutorService timers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<CloseCode> closeCode = new AtomicReference<>();
    private final ThreadRefusals threadRefusals = new ThreadRefusals(Clock.systemUTC(), THREAD_REFUSAL_MEMORY);
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
        this.core = core;
        this.specs = List.copyOf(specs);
        this.choices = Map.copyOf(choices);
        this.events = events;
        this.conversations = conversations;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.work = Executors.newFixedThreadPool(threads, daemon("discord-core"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("discord-defer"));
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
                .addEventListeners(this);
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

    @Override
    public boolean connected() {
        ShardManager s = shards;
        return s != null && !closed.get() && !s.getShards().isEmpty()
                && s.getShards().stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED);
    }

    private final java.util.concurrent.atomic.AtomicLong reconnects = new java.util.concurrent.atomic.AtomicLong();

    /** Gateway sessions resumed or re-created after a drop, across all shards. */
    @Override
    public long reconnects() {
        return reconnects.get();
    }

    @Override
    public void onSessionResume(net.dv8tion.jda.api.events.session.SessionResumeEvent event) {
        reconnects.incrementAndGet();
    }

    @Override
    public void onSessionRecreate(net.dv8tion.jda.api.events.session.SessionRecreateEvent event) {
        reconnects.incrementAndGet();
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
        work.shutdown();
        try {
            if (!work.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("discord: answers still running after {} s; stopping them", DRAIN_TIMEOUT.toSeconds());
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    // ---- events -------------------------------------------------------------------------------

    @Override
    public void onShutdown(ShutdownEvent event) {
        if (event.getCloseCode() != null) {
            closeCode.set(event.getCloseCode());
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!firstTime("interaction", event.getId())) {
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionMapping o : event.getOptions()) {
            options.put(o.getName(), o.getAsString());
        }
        String guild = event.getGuild() == null ? null : event.getGuild().getId();
        CommandRequest request = DiscordRequests.within(
                DiscordRequests.slash(event.getName(), options, guild, event.getUser().getId()),
                conversationOf(event.getChannelType(), guild, event.getChannelId()));
        DiscordReplies.View view = new DiscordReplies.View(request.command(),
                request.option("question").orElse(""), event.getUser().getId());
        answer(event, request, view, PERSONAL.contains(request.command()), false);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        OptionSpec.Type type = specs.stream().filter(s -> s.name().equals(event.getName())).findFirst()
                .flatMap(s -> s.option(event.getFocusedOption().getName()))
                .map(OptionSpec::type).orElse(OptionSpec.Type.TEXT);
        event.replyChoices(SlashCommands.complete(choices.getOrDefault(type, List.of()),
                event.getFocusedOption().getValue())).queue(ok -> { }, failure("autocomplete"));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (!firstTime("interaction", event.getId())) {
            return;
        }
        String guild = event.getGuild() == null ? null : event.getGuild().getId();
        String clicker = event.getUser().getId();
        DiscordRequests.Click click = DiscordRequests.click(event.getComponentId(), clicker, guild,
                DiscordReplies.questionOf(event.getMessage().getEmbeds()));
        if (click instanceof DiscordRequests.Refuse refuse) {
            event.reply(refuse.message()).setEphemeral(true).queue(ok -> { }, failure("refusal"));
            return;
        }
        DiscordRequests.Run run = (DiscordRequests.Run) click;
        CommandRequest request = run.request();
        DiscordReplies.View view = new DiscordReplies.View(request.command(),
                request.option("question").orElse(""), clicker);
        if (run.updatesView()) {
            updateView(event, run, view);
        } else {
            answer(event, request, view, true, true);
        }
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.getAuthor().isBot() || event.isWebhookMessage() || event.getAuthor().isSystem()) {
            return;
        }
        String guild = event.isFromGuild() ? event.getGuild().getId() : null;
        Optional<CommandRequest> parsed;
        boolean willThread = false;
        if (event.isFromGuild() && !event.getMessage().getMentions().getUsers().contains(event.getJDA().getSelfUser())) {
            // Not addressed to the bot. Without the privileged Message Content intent its content is
            // empty anyway, and reading it makes JDA log a seven-line warning: so it is read only with
            // the intent, in a thread the bot follows. Nothing about other messages is logged.
            if (!settings.messageContent() || !followedThread(event)) {
                return;
            }
            parsed = DiscordRequests.followUp(event.getMessage().getContentRaw(), guild, event.getAuthor().getId());
        } else {
            parsed = DiscordRequests.message(event.getMessage().getContentRaw(),
                    event.getJDA().getSelfUser().getId(), guild, event.getAuthor().getId());
            willThread = opensThread(event) && !threadRefusals.recentlyRefused(event.getChannel().getId());
        }
        if (parsed.isEmpty() || !firstTime("message", event.getMessageId())) {
            return;
        }
        // A mention answered in a new thread starts that thread's conversation: the thread will have the message's id.
        String conversation = willThread ? DiscordConversation.thread(guild, event.getMessageId())
                : conversationOf(event.getChannelType(), guild, event.getChannel().getId());
        Optional<CommandRequest> request = Optional.of(DiscordRequests.within(parsed.get(), conversation));
        boolean threadWanted = willThread;
        DiscordReplies.View view = new DiscordReplies.View(request.get().command(),
                request.get().option("question").orElse(""), event.getAuthor().getId());
        Message message = event.getMessage();
        runCore(request.get()).thenAccept(reply -> {
            if (reply.silent()) {
                return; // over the rate limit and already told
            }
            MessageCreateData data = DiscordReplies.render(reply, view);
            // Only a question gets a thread: a bare mention is answered with help, inline, so the
            // channel does not fill with threads named after nothing.
            boolean question = request.get().command().equals("ask") && !view.question().isEmpty();
            if (question && threadWanted) {
                answerInThread(message, DiscordReplies.threadName(view.question(), request.get().command()), data);
            } else {
                replyTo(message, data);
            }
        }).exceptionally(unexpected("message answer"));
    }

    /** The conversation of a place: a thread, a DM, or none (a guild channel). */
    private static String conversationOf(ChannelType type, String guild, String channelId) {
        if (guild == null) {
            return DiscordConversation.direct(channelId);
        }
        return type != null && type.isThread() ? DiscordConversation.thread(guild, channelId) : "";
    }

    /**
     * Whether a message is in a thread the bot opened and answered in lately (its conversation has
     * a turn in the store, which every instance shares). A store that cannot answer means no.
     */
    private boolean followedThread(MessageReceivedEvent event) {
        if (conversations.isEmpty() || !event.getChannelType().isThread()) {
            return false;
        }
        ThreadChannel thread = event.getChannel().asThreadChannel();
        if (thread.getOwnerIdLong() != event.getJDA().getSelfUser().getIdLong()) {
            return false;
        }
        try {
            return conversations.get().active(DiscordConversation.thread(event.getGuild().getId(), thread.getId()));
        } catch (StateException e) {
            LOG.warn("discord: could not tell whether the bot follows a thread: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Whether a mention is answered in a new thread on the member's message, so the channel is
     * not flooded: in guild text and announcement channels where the bot may create public
     * threads and post in them. DMs and messages already in a thread get a plain reply.
     */
    private static boolean opensThread(MessageReceivedEvent event) {
        if (!event.isFromGuild() || event.getChannelType() != ChannelType.TEXT && event.getChannelType() != ChannelType.NEWS) {
            return false;
        }
        return event.getGuild().getSelfMember().hasPermission(event.getGuildChannel(),
                Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);
    }

    /**
     * Opens a thread on the member's message and answers there. Whatever stops that (JDA's own
     * checks before any request, Discord refusing the thread or the answer in it) ends in a plain
     * reply, so the member is answered either way.
     */
    private void answerInThread(Message message, String name, MessageCreateData data) {
        String channel = message.getChannel().getId();
        MessageCreateData withNote = DiscordReplies.withNote(data, settings.messageContent()
                ? DiscordReplies.FOLLOW_UPS_HERE : DiscordReplies.followUpsByMention(message.getJDA().getSelfUser().getId()));
        try {
            message.createThreadChannel(name).queue(thread -> answerIn(thread, message, withNote), error -> {
                // JDA's cached permissions allowed it, so the cache is stale or Discord applies a rule JDA does not model.
                if (isPermissionRefusal(error)) {
                    threadRefusals.remember(channel);
                }
                LOG.info("discord: Discord refused a thread in channel {} ({}); replying in the channel", channel,
                        error.getMessage());
                replyTo(message, data);
            });
        } catch (RuntimeException e) {
            // JDA checks access, permissions, the channel type and the name locally, before any request.
            LOG.debug("discord: no thread in channel {} ({}); replying in the channel", channel, e.getMessage());
            replyTo(message, data);
        }
    }

    /** Posts the answer in the new thread; if that fails, the member still gets it as a reply in the channel. */
    private static void answerIn(ThreadChannel thread, Message message, MessageCreateData data) {
        Consumer<Throwable> fallBack = e -> {
            LOG.warn("discord: could not answer in thread {} ({}); replying in the channel", thread.getId(), e.getMessage());
            replyTo(message, data);
        };
        try {
            thread.sendMessage(data).queue(ok -> { }, fallBack);
        } catch (RuntimeException e) {
            fallBack.accept(e);
        }
    }

    /** A plain reply to the member's message: in a DM, in a thread, or where no thread may be opened. */
    private static void replyTo(Message message, MessageCreateData data) {
        try {
            message.reply(data).queue(ok -> { }, failure("message reply"));
        } catch (RuntimeException e) {
            // Without View Channel or Send Messages JDA refuses locally; nothing else can reach the member.
            LOG.warn("discord: cannot reply in channel {}: {}", message.getChannel().getId(), e.getMessage());
        }
    }

    private static boolean isPermissionRefusal(Throwable error) {
        return error instanceof ErrorResponseException e && (e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS
                || e.getErrorResponse() == ErrorResponse.MISSING_ACCESS);
    }

    // ---- answering ----------------------------------------------------------------------------

    /** Runs the core off JDA's threads; a failure becomes a polite error, never an exception. */
    private CompletableFuture<Reply> runCore(CommandRequest request) {
        try {
            return CompletableFuture.supplyAsync(() -> core.apply(request), work).exceptionally(e -> {
                LOG.error("discord: /{} failed", request.command(), e);
                return Reply.error("Sorry, something went wrong on my side.");
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Reply.error("I am shutting down; please ask again in a minute."));
        }
    }

    /**
     * Replies to an interaction with the core's reply: directly when the core is quick, after a
     * deferral (as ephemeral as {@code personal}) when it is not. A deferred answer replaces the
     * "thinking..." response, as Discord documents (PATCH {@code messages/@original}); a follow-up
     * would leave the placeholder behind, or answer under it a second time.
     */
    private void answer(IReplyCallback event, CommandRequest request, DiscordReplies.View view, boolean personal,
                        boolean forceEphemeral) {
        AtomicBoolean acked = new AtomicBoolean();
        ScheduledFuture<?> timer = deferLater(acked, () -> event.deferReply(personal).queue(ok -> { }, failure("defer")));
        runCore(request).thenAccept(reply -> {
            timer.cancel(false);
            MessageCreateData data = DiscordReplies.render(reply, view);
            boolean ephemeral = forceEphemeral || reply.ephemeral();
            if (acked.compareAndSet(false, true)) {
                event.reply(data).setEphemeral(ephemeral).queue(ok -> { }, failure("reply"));
            } else if (ephemeral && !personal) {
                // The deferral is public but this reply is for the asker alone (an error, a limit): an
                // edit would show it to the channel, so it goes privately and the placeholder is removed.
                event.getHook().sendMessage(data).setEphemeral(true).queue(
                        ok -> event.getHook().deleteOriginal().queue(gone -> { }, failure("placeholder removal")),
                        failure("follow-up"));
            } else {
                // An edit keeps the deferral's visibility: a private deferral stays private.
                event.getHook().editOriginal(MessageEditData.fromCreateData(data)).queue(ok -> { }, failure("answer"));
            }
        }).exceptionally(unexpected("interaction answer"));
    }

    /**
     * A checklist click: the view is edited in place; errors go to the clicker alone. A tick from a
     * next view is followed by the next step, which replaces that view.
     */
    private void updateView(ButtonInteractionEvent event, DiscordRequests.Run run, DiscordReplies.View view) {
        AtomicBoolean acked = new AtomicBoolean();
        ScheduledFuture<?> timer = deferLater(acked, () -> event.deferEdit().queue(ok -> { }, failure("defer")));
        runCore(run.request()).thenCompose(ticked -> run.then().isPresent() && ticked.kind() == Reply.Kind.CHECKLIST
                ? runCore(run.then().get()) : CompletableFuture.completedFuture(ticked)).thenAccept(reply -> {
            timer.cancel(false);
            DiscordReplies.View shown = reply.kind() == Reply.Kind.NEXT
                    ? new DiscordReplies.View("next", "", view.userId()) : view;
            MessageCreateData data = DiscordReplies.render(reply, shown);
            boolean deferred = !acked.compareAndSet(false, true);
            if (reply.kind() == Reply.Kind.CHECKLIST || reply.kind() == Reply.Kind.NEXT) {
                MessageEditData edit = MessageEditData.fromCreateData(data);
                if (deferred) {
                    event.getHook().editOriginal(edit).queue(ok -> { }, failure("view update"));
                } else {
                    event.editMessage(edit).queue(ok -> { }, failure("view update"));
                }
            } else if (deferred) {
                event.getHook().sendMessage(data).setEphemeral(true).queue(ok -> { }, failure("follow-up"));
            } else {
                event.reply(data).setEphemeral(true).queue(ok -> { }, failure("reply"));
            }
        }).exceptionally(unexpected("view update"));
    }

    private ScheduledFuture<?> deferLater(AtomicBoolean acked, Runnable defer) {
        Runnable once = () -> {
            if (acked.compareAndSet(false, true)) {
                defer.run();
            }
        };
        if (settings.deferAfter().isZero()) {
            once.run();
            return timers.schedule(() -> { }, 0, TimeUnit.MILLISECONDS);
        }
        return timers.schedule(once, settings.deferAfter().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** False when this event was already handled (a gateway replay after a resume). */
    private boolean firstTime(String kind, String id) {
        if (events.isEmpty()) {
            return true;
        }
        try {
            return events.get().markIfNew("discord:" + kind + ":" + id, EVENT_TTL);
        } catch (RuntimeException e) {
            LOG.warn("discord: could not check event {} against the store: {}", id, e.getMessage());
            return true;
        }
    }

    private static Consumer<Throwable> failure(String what) {
        return e -> LOG.warn("discord: {} failed: {}", what, e.getMessage());
    }

    /** Ends a chain of work on a reply: a CompletableFuture would otherwise drop the exception unseen. */
    private static Function<Throwable, Void> unexpected(String what) {
        return e -> {
            LOG.error("discord: {} failed", what, e);
            return null;
        };
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
