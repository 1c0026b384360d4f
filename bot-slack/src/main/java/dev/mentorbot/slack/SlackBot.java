package dev.mentorbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.webhook.WebhookResponse;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.ProcessedEvents;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The bot's Bolt handlers, a routing table: each one acks at once and hands the work to
 * {@link BackgroundWork}. Slash commands are answered through the response_url; mentions, DMs and
 * thread follow-ups by {@link MessageHandler}; buttons and checkboxes by {@link ActionHandler}
 * (ticks reconciled by {@link ChecklistTicks}); the App Home tab by {@link HomeTab}. Events API
 * retries are dropped by event id ({@link Deliveries}).
 *
 * <p>Every event is acked with 200, including message subtypes the bot does not act on (edits,
 * deletions, other bots' messages): Slack redelivers anything else. A DM that shares a file
 * ({@code file_share}) or is broadcast from a thread ({@code thread_broadcast}) carries the
 * member's text and is answered like any DM.
 *
 * <p>Threads and DMs are conversations ({@link SlackConversation}): a follow-up there ("and in
 * India?") is understood with the earlier question. With thread follow-ups on, a member's reply in
 * a channel thread the bot answered in lately (the conversation store has a turn for it) is answered
 * without a mention; replies in other threads are dropped unread and unlogged. A reply that
 * mentions the bot also arrives as {@code app_mention}: each message is claimed by its channel and
 * ts, so whichever event comes first answers it, once.
 */
public final class SlackBot {
    static final String COMMAND = "/mentor";

    private final Function<CommandRequest, Reply> core;
    private final SlackText text;
    private final BackgroundWork work;
    private final MessageHandler messages;
    private final HomeTab home;
    private final ActionHandler actions;

    /**
     * @param conversations   the conversations the bot answered in; without it no thread is
     *                        followed without a mention
     * @param threadFollowUps whether thread replies without a mention are answered
     */
    public SlackBot(Function<CommandRequest, Reply> core, List<CommandSpec> specs, Optional<ProcessedEvents> events,
                    Optional<ConversationStore> conversations, boolean threadFollowUps, Executor executor) {
        this.core = core;
        this.text = new SlackText(specs);
        this.work = new BackgroundWork(executor);
        this.messages = new MessageHandler(core, text, new Deliveries(events), conversations, threadFollowUps, work);
        this.home = new HomeTab(core);
        ActionReplies replies = new ActionReplies(core);
        this.actions = new ActionHandler(core, replies, new ChecklistTicks(core, replies, home), home);
    }

    /** The bot's user id, once auth.test named it. */
    void botUser(String userId) {
        messages.botUser(userId);
    }

    /** Registers the handlers on a Bolt app: each acks at once and leaves the work to the executor. */
    public App register(App app) {
        app.command(COMMAND, (req, ctx) -> {
            var p = req.getPayload();
            MemberId member = SlackText.member(p.getTeamId(), p.getUserId());
            CommandRequest request = text.slash(p.getText(), member,
                    SlackConversation.slash(p.getTeamId(), p.getChannelId()));
            work.later("slash command", () -> {
                Reply reply = core.apply(request);
                if (reply.silent()) {
                    return; // over the rate limit and already told: the slash command was acked, say nothing
                }
                SlackMessage m = BlockKit.message(reply, BlockKit.Origin.of(request, p.getUserId()));
                WebhookResponse r = ctx.respond(SlashCommandResponse.builder()
                        .responseType(m.ephemeral() ? "ephemeral" : "in_channel")
                        .text(m.text()).blocks(m.blocks()).build());
                SlackCalls.check("response_url", r);
            });
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            messages.mention(ctx, payload.getTeamId(), payload.getEventId(), e.getUser(), e.getChannel(), e.getTs(),
                    e.getThreadTs(), e.getText());
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            if (e.getBotId() == null) {
                messages.message(ctx, payload.getTeamId(), payload.getEventId(), e.getChannelType(), e.getUser(),
                        e.getChannel(), e.getTs(), e.getThreadTs(), e.getText());
            }
            return ctx.ack();
        });
        app.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent e = payload.getEvent();
            messages.message(ctx, payload.getTeamId(), payload.getEventId(), e.getChannelType(), e.getUser(),
                    e.getChannel(), e.getTs(), e.getThreadTs(), e.getText());
            return ctx.ack();
        });
        app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
            MessageThreadBroadcastEvent e = payload.getEvent();
            messages.message(ctx, payload.getTeamId(), payload.getEventId(), e.getChannelType(), e.getUser(),
                    e.getChannel(), e.getTs(), e.getThreadTs(), e.getText());
            return ctx.ack();
        });
        // Edits, deletions and bots' messages say nothing new to answer; without a handler Bolt
        // would answer 404 and Slack would deliver them again and again.
        app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if ((e.getTab() == null || "home".equals(e.getTab())) && e.getUser() != null) {
                String team = payload.getTeamId();
                work.later("app home", () -> home.publish(ctx.client(), SlackText.member(team, e.getUser())));
            }
            return ctx.ack();
        });
        app.blockAction(Pattern.compile("^" + Pattern.quote(BlockKit.ACTION_PREFIX) + ".*"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            work.later("block action", () -> actions.onAction(p, ctx));
            return ctx.ack();
        });
        return app;
    }
}
