package dev.mentorbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.ProcessedEvents;
import dev.mentorbot.state.StateException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Bolt handlers. Each one acks at once and runs the core on the executor; the answer
 * follows through the response_url (slash commands, buttons) or {@code chat.postMessage}: in the
 * question's thread for mentions in channels, inline in a DM (threaded only when the member wrote
 * in a thread). Events API retries are dropped by event id.
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
    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
    /** Slack retries an event for a few minutes; keep its id well beyond that. */
    static final Duration EVENT_TTL = Duration.ofHours(6);
    static final String COMMAND = "/mentor";
    /** A checkbox group's action: {@code group} and its number, as {@link BlockKit} renders it. */
    private static final Pattern GROUP = Pattern.compile("group([0-9]{1,3})");
    private static final String UNREADABLE_CHECKLIST =
            "Sorry, I couldn't read that checklist. Open it again with `/mentor checklist`.";

    private final Function<CommandRequest, Reply> core;
    private final SlackText text;
    private final Optional<ProcessedEvents> events;
    private final Optional<ConversationStore> conversations;
    private final boolean threadFollowUps;
    private final Executor executor;
    /** The bot's own user id (from auth.test): replies that mention it are app_mention's to answer. */
    private volatile String botUser = "";

    /**
     * @param conversations   the conversations the bot answered in; without it no thread is
     *                        followed without a mention
     * @param threadFollowUps whether thread replies without a mention are answered
     */
    public SlackBot(Function<CommandRequest, Reply> core, List<CommandSpec> specs, Optional<ProcessedEvents> events,
                    Optional<ConversationStore> conversations, boolean threadFollowUps, Executor executor) {
        this.core = core;
        this.text = new SlackText(specs);
        this.events = events;
        this.conversations = conversations;
        this.threadFollowUps = threadFollowUps;
        this.executor = executor;
    }

    /** The bot's user id, once auth.test named it. */
    void botUser(String userId) {
        this.botUser = userId == null ? "" : userId;
    }

    /** Registers the handlers on a Bolt app. */
    public App register(App app) {
        app.command(COMMAND, (req, ctx) -> {
            var p = req.getPayload();
            MemberId member = SlackText.member(p.getTeamId(), p.getUserId());
            CommandRequest request = text.slash(p.getText(), member,
                    SlackConversation.slash(p.getTeamId(), p.getChannelId()));
            later("slash command", () -> {
                Reply reply = core.apply(request);
                if (reply.silent()) {
                    return; // over the rate limit and already told: the slash command was acked, say nothing
                }
                SlackMessage m = BlockKit.message(reply, origin(request, p.getUserId()));
                WebhookResponse r = ctx.respond(SlashCommandResponse.builder()
                        .responseType(m.ephemeral() ? "ephemeral" : "in_channel")
                        .text(m.text()).blocks(m.blocks()).build());
                check("response_url", r);
            });
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (e.getUser() != null && firstDelivery(payload.getTeamId(), payload.getEventId())
                    && claimMessage(payload.getTeamId(), e.getChannel(), e.getTs())) {
                // Answered in a thread: the mention's own, or the one it was written in.
                String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
                answerMessage(ctx, payload.getTeamId(), e.getUser(), e.getChannel(), thread, e.getText(), false,
                        SlackConversation.thread(payload.getTeamId(), e.getChannel(), thread));
            }
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            if (e.getBotId() == null) {
                message(ctx, payload.getTeamId(), payload.getEventId(), e.getChannelType(), e.getUser(),
                        e.getChannel(), e.getTs(), e.getThreadTs(), e.getText());
            }
            return ctx.ack();
        });
        app.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent e = payload.getEvent();
            message(ctx, payload.getTeamId(), payload.getEventId(), e.getChannelType(), e.getUser(),
                    e.getChannel(), e.getTs(), e.getThreadTs(), e.getText());
            return ctx.ack();
        });
        app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> {
            MessageThreadBroadcastEvent e = payload.getEvent();
            message(ctx, payload.getTeamId(), payload.getEventId(), e.getChannelType(), e.getUser(),
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
                later("app home", () -> publishHome(ctx.client(), SlackText.member(team, e.getUser())));
            }
            return ctx.ack();
        });
        app.blockAction(Pattern.compile("^" + Pattern.quote(BlockKit.ACTION_PREFIX) + ".*"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            later("block action", () -> onAction(p, ctx));
            return ctx.ack();
        });
        return app;
    }

    /**
     * A member's message: in a one-to-one DM with the bot, answered inline, or in its thread when
     * the member wrote in one; in a channel thread, see {@link #threadReply}. Other messages, or
     * those with no author or text, are not for the bot.
     */
    private void message(EventContext ctx, String team, String eventId, String channelType, String user,
                         String channel, String ts, String threadTs, String typed) {
        if (user == null || typed == null || typed.isBlank()) {
            return;
        }
        if ("im".equals(channelType)) {
            if (firstDelivery(team, eventId)) {
                String conversation = threadTs != null ? SlackConversation.thread(team, channel, threadTs)
                        : SlackConversation.direct(team, channel);
                answerMessage(ctx, team, user, channel, threadTs, typed, true, conversation);
            }
        } else if (("channel".equals(channelType) || "group".equals(channelType)) && threadTs != null
                && !threadTs.equals(ts)) {
            threadReply(ctx, team, user, channel, ts, threadTs, typed);
        }
    }

    /**
     * A reply in a channel thread. Answered in that thread when follow-ups are on, the bot answered
     * in the thread lately, and the reply does not mention the bot (app_mention answers those).
     * Anything else was written for other members: it is dropped here, without reading or logging it.
     */
    private void threadReply(EventContext ctx, String team, String user, String channel, String ts, String threadTs,
                             String typed) {
        if (!threadFollowUps || conversations.isEmpty() || SlackText.mentions(typed, botUser)) {
            return;
        }
        String conversation = SlackConversation.thread(team, channel, threadTs);
        if (!followed(conversation)) {
            return;
        }
        // The message's own claim stands in for the event id: it also stops app_mention from
        // answering the same message again when the bot's user id is not known.
        if (claimMessage(team, channel, ts)) {
            answerMessage(ctx, team, user, channel, threadTs, typed, false, conversation);
        }
    }

    /** Whether the bot answered in this conversation lately; a store that cannot answer means no. */
    private boolean followed(String conversation) {
        try {
            return conversations.orElseThrow().active(conversation);
        } catch (StateException e) {
            LOG.warn("could not tell whether the bot follows a thread: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Answers a mention or a DM.
     *
     * @param thread the thread to answer in, or null to answer inline
     * @param conversation the conversation the message belongs to
     */
    private void answerMessage(EventContext ctx, String team, String user, String channel, String thread,
                               String typed, boolean direct, String conversation) {
        MemberId member = SlackText.member(team, user);
        CommandRequest request = text.message(typed, member, conversation);
        later("message", () -> {
            Reply reply = core.apply(request);
            if (reply.silent()) {
                return; // over the rate limit and already told
            }
            SlackMessage m = BlockKit.message(reply, origin(request, user));
            MethodsClient client = ctx.client();
            if (m.ephemeral() && !direct) {
                ChatPostEphemeralResponse r = withRetries(() -> client.chatPostEphemeral(b -> b.channel(channel)
                        .user(user).threadTs(thread).text(m.text()).blocks(m.blocks())));
                check("chat.postEphemeral", r.isOk(), r.getError());
            } else {
                ChatPostMessageResponse r = withRetries(() -> client.chatPostMessage(b -> b.channel(channel)
                        .threadTs(thread).text(m.text()).blocks(m.blocks())));
                check("chat.postMessage", r.isOk(), r.getError());
            }
        });
    }

    /** Buttons and checkboxes: the value is parsed in one place, personal controls checked by owner. */
    private void onAction(BlockActionPayload p, ActionContext ctx) throws IOException, SlackApiException {
        if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null) {
            return;
        }
        String team = p.getTeam() != null ? p.getTeam().getId() : (p.getUser().getTeamId());
        String user = p.getUser().getId();
        MemberId member = SlackText.member(team, user);
        BlockActionPayload.Action action = p.getActions().get(0);
        String raw = "checkboxes".equals(action.getType())
                ? action.getActionId().substring(BlockKit.ACTION_PREFIX.length()) : action.getValue();
        Optional<ActionValue> parsed = ActionValue.parse(raw);
        if (parsed.isEmpty()) {
            LOG.warn("ignored a block action with a value that is not ours");
            notice(p, ctx, "Sorry, I didn't understand that button. Try `/mentor help`.");
            return;
        }
        ActionValue value = parsed.get();
        if (!value.allows(user)) {
            notice(p, ctx, "That checklist belongs to someone else. Open your own with `/mentor checklist`.");
            return;
        }
        switch (value.command() + ":" + value.action()) {
            case "ask:related" -> show(p, ctx, new CommandRequest("ask", Map.of("question", value.arg()), member), false);
            case "feedback:helpful", "feedback:not-helpful" -> {
                int bar = value.arg().indexOf('|');
                if (bar <= 0) {
                    notice(p, ctx, "Sorry, I couldn't read that vote.");
                    return;
                }
                show(p, ctx, new CommandRequest("feedback", Map.of("vote", value.action(),
                        "answer", value.arg().substring(0, bar), "question", value.arg().substring(bar + 1)), member), false);
            }
            case "checklist:open" -> show(p, ctx, new CommandRequest("checklist", Map.of("topic", value.arg()), member), false);
            case "roadmap:open" -> show(p, ctx, new CommandRequest("roadmap", Map.of("track", value.arg()), member), false);
            case "next:open" -> show(p, ctx, new CommandRequest("next", Map.of(), member), false);
            case "follow:track" -> {
                CommandRequest follow = new CommandRequest("follow", Map.of("track", value.arg()), member);
                if (inHomeTab(p)) {
                    // Followed from the Home tab: the tab itself shows the new next step.
                    core.apply(follow);
                } else {
                    show(p, ctx, follow, false);
                }
                publishHome(ctx.client(), member);
            }
            case "next:tick" -> tickNext(p, ctx, member, action);
            default -> {
                if ("checklist".equals(value.command()) && value.action().startsWith("group")) {
                    tick(p, ctx, member, value, action);
                } else {
                    notice(p, ctx, "Sorry, I didn't understand that button. Try `/mentor help`.");
                }
            }
        }
    }

    /**
     * A checkbox group changed: Slack sends the options now selected in that group of ten, so each
     * item of the group whose state differs from the stored one is ticked or unticked through the
     * core. Then the message (or the Home tab) shows the new progress.
     */
    private void tick(BlockActionPayload p, ActionContext ctx, MemberId member, ActionValue value,
                      BlockActionPayload.Action action) throws IOException, SlackApiException {
        Matcher groupNumber = GROUP.matcher(value.action());
        if (!groupNumber.matches()) {
            notice(p, ctx, UNREADABLE_CHECKLIST);
            return;
        }
        int group = Integer.parseInt(groupNumber.group(1));
        String checklistId = value.arg();
        Reply current = core.apply(new CommandRequest("checklist", Map.of("topic", checklistId), member));
        if (current.kind() != Reply.Kind.CHECKLIST) {
            show(p, ctx, current, "checklist", member.userId(), true);
            return;
        }
        if (group * BlockKit.CHECKBOX_OPTIONS >= current.items().size()) {
            // A group the checklist does not have: forged, or rendered before the checklist shrank.
            notice(p, ctx, UNREADABLE_CHECKLIST);
            return;
        }
        Set<String> selected = new HashSet<>();
        if (action.getSelectedOptions() != null) {
            action.getSelectedOptions().forEach(o -> selected.add(o.getValue()));
        }
        List<ReplyItem> items = current.items();
        Reply latest = current;
        int from = group * BlockKit.CHECKBOX_OPTIONS;
        for (int i = from; i < Math.min(items.size(), from + BlockKit.CHECKBOX_OPTIONS); i++) {
            ReplyItem item = items.get(i);
            boolean want = selected.contains(item.id());
            if (want != item.done()) {
                latest = core.apply(new CommandRequest(want ? "tick" : "untick",
                        Map.of("topic", checklistId, "item", item.id()), member));
            }
        }
        if (inHomeTab(p)) {
            publishHome(ctx.client(), member);
            return;
        }
        show(p, ctx, latest, "checklist", member.userId(), true);
        publishHome(ctx.client(), member);
    }

    /**
     * The checkboxes of a next step changed: every selected item is ticked through the core, the
     * same tick a checklist makes (the items shown were all unticked, so nothing is unticked here).
     * Then the next step is drawn again, in the message and in the Home tab.
     */
    private void tickNext(BlockActionPayload p, ActionContext ctx, MemberId member, BlockActionPayload.Action action)
            throws IOException, SlackApiException {
        if (action.getSelectedOptions() != null) {
            for (var option : action.getSelectedOptions()) {
                String item = option.getValue() == null ? "" : option.getValue();
                int slash = item.indexOf('/');
                if (slash <= 0) {
                    continue; // not an item id of ours
                }
                core.apply(new CommandRequest("tick", Map.of("topic", item.substring(0, slash), "item", item), member));
            }
        }
        if (!inHomeTab(p)) {
            show(p, ctx, core.apply(new CommandRequest("next", Map.of(), member)), "next", member.userId(), true);
        }
        publishHome(ctx.client(), member);
    }

    private static boolean inHomeTab(BlockActionPayload p) {
        return "view".equals(p.getContainer() == null ? null : p.getContainer().getType());
    }

    private void show(BlockActionPayload p, ActionContext ctx, CommandRequest request, boolean replace)
            throws IOException, SlackApiException {
        show(p, ctx, core.apply(request), origin(request, request.member().userId()), replace);
    }

    private void show(BlockActionPayload p, ActionContext ctx, Reply reply, String command, String user, boolean replace)
            throws IOException, SlackApiException {
        show(p, ctx, reply, new BlockKit.Origin(command, user, ""), replace);
    }

    private void show(BlockActionPayload p, ActionContext ctx, Reply reply, BlockKit.Origin origin, boolean replace)
            throws IOException, SlackApiException {
        if (reply.silent()) {
            return;
        }
        String user = origin.owner();
        SlackMessage m = BlockKit.message(reply, origin);
        if (p.getResponseUrl() != null) {
            WebhookResponse r = ctx.respond(ActionResponse.builder().replaceOriginal(replace)
                    .responseType(m.ephemeral() ? "ephemeral" : "in_channel")
                    .text(m.text()).blocks(m.blocks()).build());
            check("response_url", r);
        } else {
            // The Home tab has no response_url: answer in the member's DM with the bot.
            ChatPostMessageResponse r = withRetries(() -> ctx.client().chatPostMessage(b -> b.channel(user)
                    .text(m.text()).blocks(m.blocks())));
            check("chat.postMessage", r.isOk(), r.getError());
        }
    }

    private void notice(BlockActionPayload p, ActionContext ctx, String message) throws IOException, SlackApiException {
        show(p, ctx, Reply.error(message), "help", p.getUser().getId(), false);
    }

    /** Publishes the member's Home tab: their next step, progress, then every checklist with its checkboxes. */
    void publishHome(MethodsClient client, MemberId member) throws IOException, SlackApiException {
        Reply next = core.apply(new CommandRequest("next", Map.of(), member));
        Reply progress = core.apply(new CommandRequest("progress", Map.of(), member));
        Reply topics = core.apply(new CommandRequest("checklist", Map.of(), member));
        List<Reply> checklists = new ArrayList<>();
        for (ReplyItem topic : topics.items()) {
            Reply c = core.apply(new CommandRequest("checklist", Map.of("topic", topic.id()), member));
            if (c.kind() == Reply.Kind.CHECKLIST) {
                checklists.add(c);
            }
        }
        View view = View.builder().type("home").blocks(BlockKit.home(
                next.answered() ? Optional.of(next) : Optional.empty(), progress, checklists, member.userId())).build();
        ViewsPublishResponse r = withRetries(() -> client.viewsPublish(b -> b.userId(member.userId()).view(view)));
        check("views.publish", r.isOk(), r.getError());
    }

    private boolean firstDelivery(String team, String eventId) {
        if (eventId == null || events.isEmpty()) {
            return true;
        }
        return events.get().markIfNew("slack:" + (team == null ? "unknown" : team) + ":" + eventId, EVENT_TTL);
    }

    /**
     * Claims a message for one answer, by its channel and ts: a mention in a followed thread comes
     * both as app_mention and as a message event, with different event ids.
     */
    private boolean claimMessage(String team, String channel, String ts) {
        if (ts == null || channel == null || events.isEmpty()) {
            return true;
        }
        return events.get().markIfNew("slack:" + (team == null ? "unknown" : team) + ":message:" + channel + ":" + ts,
                EVENT_TTL);
    }

    static final int RATE_LIMIT_RETRIES = 3;
    static final long MAX_RETRY_AFTER_SECONDS = 30;

    private static BlockKit.Origin origin(CommandRequest request, String user) {
        return new BlockKit.Origin(request.command(), user, request.option("question").orElse(""));
    }

    private static void check(String what, WebhookResponse r) {
        if (r == null || r.getCode() == null || r.getCode() >= 300) {
            LOG.warn("{} answered {}: {}", what, r == null ? null : r.getCode(), r == null ? "" : r.getBody());
        }
    }

    private static void check(String what, boolean ok, String error) {
        if (!ok) {
            LOG.warn("{} failed: {}", what, error);
        }
    }

    /**
     * Calls a Web API method again when Slack answers 429 (rate limited), after the Retry-After it
     * names, so a burst in one channel delays answers instead of losing them. Only the API call is
     * repeated, never the core request behind it.
     */
    static <T> T withRetries(SlackCall<T> call) throws IOException, SlackApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (SlackApiException e) {
                if (e.getResponse() == null || e.getResponse().code() != 429 || attempt > RATE_LIMIT_RETRIES) {
                    throw e;
                }
                long seconds = retryAfterSeconds(e.getResponse().header("Retry-After"));
                LOG.info("slack rate limit: waiting {} s before retry {} of {}", seconds, attempt, RATE_LIMIT_RETRIES);
                try {
                    Thread.sleep(seconds * 1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Retry-After in seconds, at least 1 and at most {@link #MAX_RETRY_AFTER_SECONDS}. */
    static long retryAfterSeconds(String header) {
        try {
            return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A Web API call. */
    @FunctionalInterface
    interface SlackCall<T> {
        T call() throws IOException, SlackApiException;
    }

    private void later(String what, Work work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    LOG.warn("could not answer a Slack {}: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("dropped a Slack {}: the bot is shutting down", what);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }
}
