package dev.mentorbot.discord;

import static dev.mentorbot.discord.CoreCalls.failure;
import static dev.mentorbot.discord.CoreCalls.unexpected;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandText;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.StateException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages: mentions in channels, DMs, and (with the Message Content intent) follow-ups without a
 * mention in the threads the bot opened. A question in a text or announcement channel is answered
 * in a new thread on the member's message, so the channel is not flooded; everything else gets a
 * plain reply. Messages not addressed to the bot are not read.
 */
final class MentionListener extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(MentionListener.class);
    /** How long a channel where Discord refused a thread gets plain replies without asking again. */
    private static final Duration THREAD_REFUSAL_MEMORY = Duration.ofMinutes(10);

    private final CoreCalls core;
    /** The one reader of command text: "@mentor roadmap software" opens the roadmap. */
    private final CommandText syntax;
    private final Replays replays;
    private final boolean messageContent;
    private final Optional<ConversationStore> conversations;
    private final ThreadRefusals threadRefusals = new ThreadRefusals(Clock.systemUTC(), THREAD_REFUSAL_MEMORY);

    MentionListener(CoreCalls core, CommandText syntax, Replays replays, boolean messageContent,
                    Optional<ConversationStore> conversations) {
        this.core = core;
        this.syntax = syntax;
        this.replays = replays;
        this.messageContent = messageContent;
        this.conversations = conversations;
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
            if (!messageContent || !followedThread(event)) {
                return;
            }
            parsed = DiscordRequests.followUp(syntax, event.getMessage().getContentRaw(), guild, event.getAuthor().getId());
        } else {
            parsed = DiscordRequests.message(syntax, event.getMessage().getContentRaw(),
                    event.getJDA().getSelfUser().getId(), guild, event.getAuthor().getId());
            willThread = opensThread(event) && !threadRefusals.recentlyRefused(event.getChannel().getId());
        }
        if (parsed.isEmpty() || !replays.firstTime("message", event.getMessageId())) {
            return;
        }
        // A mention answered in a new thread starts that thread's conversation: the thread will have the message's id.
        String conversation = willThread ? DiscordConversation.thread(guild, event.getMessageId())
                : DiscordConversation.of(event.getChannelType(), guild, event.getChannel().getId());
        // A reply in the channel, not an interaction's answer: it spends the global send budget.
        CommandRequest request = DiscordRequests.within(parsed.get(), conversation).postedToChannel();
        boolean threadWanted = willThread;
        DiscordReplies.View view = new DiscordReplies.View(request.command(),
                request.option("question").orElse(""), event.getAuthor().getId());
        Message message = event.getMessage();
        core.run(request).thenAccept(reply -> {
            if (reply.silent()) {
                return; // over the rate limit and already told
            }
            MessageCreateData data = DiscordReplies.render(reply, view);
            // Only a question gets a thread: a bare mention is answered with help, inline, so the
            // channel does not fill with threads named after nothing.
            boolean question = request.command().equals("ask") && !view.question().isEmpty();
            if (question && threadWanted) {
                answerInThread(message, DiscordReplies.threadName(view.question(), request.command()), data);
            } else {
                replyTo(message, data);
            }
        }).exceptionally(unexpected("message answer"));
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
        MessageCreateData withNote = DiscordReplies.withNote(data, messageContent
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
}
