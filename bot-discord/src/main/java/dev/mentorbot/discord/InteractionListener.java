package dev.mentorbot.discord;

import static dev.mentorbot.discord.CoreCalls.failure;
import static dev.mentorbot.discord.CoreCalls.unexpected;

import dev.mentorbot.ask.AskCommand;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Slash commands, autocomplete and button clicks. Each interaction is answered directly when the
 * core is quick, and deferred when it has not answered within {@code deferAfter}; a deferred
 * answer edits the "thinking..." response, as Discord documents.
 */
final class InteractionListener extends ListenerAdapter {
    /** Commands whose replies are personal: deferred as ephemeral when slow. */
    private static final Set<String> PERSONAL = Set.of("progress", "checklist", "tick", "untick", "next", "follow",
            "unfollow", "checkin", "forget-me", "help");

    private final CoreCalls core;
    private final Replays replays;
    private final List<CommandSpec> specs;
    private final Map<OptionSpec.Type, List<Choice>> choices;
    private final Duration deferAfter;
    private final ScheduledExecutorService timers;

    InteractionListener(CoreCalls core, Replays replays, List<CommandSpec> specs,
                        Map<OptionSpec.Type, List<Choice>> choices, Duration deferAfter,
                        ScheduledExecutorService timers) {
        this.core = core;
        this.replays = replays;
        this.specs = specs;
        this.choices = choices;
        this.deferAfter = deferAfter;
        this.timers = timers;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!replays.firstTime("interaction", event.getId())) {
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionMapping o : event.getOptions()) {
            options.put(o.getName(), o.getAsString());
        }
        String guild = event.getGuild() == null ? null : event.getGuild().getId();
        CommandRequest request = DiscordRequests.within(
                DiscordRequests.slash(event.getName(), options, guild, event.getUser().getId()),
                DiscordConversation.of(event.getChannelType(), guild, event.getChannelId()));
        DiscordReplies.View view = new DiscordReplies.View(request.command(),
                request.option("question").orElse(""), event.getUser().getId());
        answer(event, request, view, PERSONAL.contains(request.command()), false);
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        OptionSpec.Type type = specs.stream().filter(s -> s.name().equals(event.getName())).findFirst()
                .flatMap(s -> s.option(event.getFocusedOption().getName()))
                .map(OptionSpec::type).orElse(OptionSpec.Type.TEXT);
        // An item is offered from the checklist the member already picked in the same command.
        String topic = type == OptionSpec.Type.ITEM && event.getOption("topic") != null
                ? event.getOption("topic").getAsString() : "";
        event.replyChoices(SlashCommands.complete(choices.getOrDefault(type, List.of()),
                event.getFocusedOption().getValue(), topic)).queue(ok -> { }, failure("autocomplete"));
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (!replays.firstTime("interaction", event.getId())) {
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
        } else if (request.option(AskCommand.SHARE).isPresent()) {
            // Shared for the channel: the one click whose reply everyone sees.
            answer(event, request, view, false, false);
        } else {
            answer(event, request, view, true, true);
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
        core.run(request).thenAccept(reply -> {
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
        core.run(run.request()).thenCompose(ticked -> run.then().isPresent() && ticked.kind() == Reply.Kind.CHECKLIST
                ? core.run(run.then().get()) : CompletableFuture.completedFuture(ticked)).thenAccept(reply -> {
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

    /** Defers once {@code deferAfter} has passed without an answer; whichever comes first acks. */
    private ScheduledFuture<?> deferLater(AtomicBoolean acked, Runnable defer) {
        Runnable once = () -> {
            if (acked.compareAndSet(false, true)) {
                defer.run();
            }
        };
        if (deferAfter.isZero()) {
            once.run();
            return timers.schedule(() -> { }, 0, TimeUnit.MILLISECONDS);
        }
        return timers.schedule(once, deferAfter.toMillis(), TimeUnit.MILLISECONDS);
    }
}
