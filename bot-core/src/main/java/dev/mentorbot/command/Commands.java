package dev.mentorbot.command;

import dev.mentorbot.ask.AskCommand;
import dev.mentorbot.ask.TopicCommand;
import dev.mentorbot.ask.FeedbackCommand;
import dev.mentorbot.checkin.CheckinCommand;
import dev.mentorbot.checklist.ChecklistCommand;
import dev.mentorbot.checklist.ChecklistProgress;
import dev.mentorbot.checklist.TickCommand;
import dev.mentorbot.member.ForgetMeCommand;
import dev.mentorbot.member.ProgressCommand;
import dev.mentorbot.state.StateException;
import dev.mentorbot.roadmap.PathCommand;
import dev.mentorbot.roadmap.RoadmapCommand;
import dev.mentorbot.track.FollowCommand;
import dev.mentorbot.track.NextCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every command of the bot, registered in one place, and the dispatcher adapters call.
 * Adding a command is one handler class plus one {@code register} line in {@link #standard}.
 */
public final class Commands {
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private final Map<String, Registered> byName = new LinkedHashMap<>();

    /**
     * The standard commands, in the order help lists them: each spec with how to build its
     * handler. This table is the one place a command is registered.
     */
    private static final List<Standard> STANDARD = List.of(
            new Standard(AskCommand.SPEC, (c, self) -> new AskCommand(c.engine(), c.recorder(), c.stores().conversations(),
                    c.answers())),
            new Standard(TopicCommand.SALARY, (c, self) -> new TopicCommand(c.engine(), TopicCommand.SALARY_QUESTIONS)),
            new Standard(TopicCommand.SKILLS, (c, self) -> new TopicCommand(c.engine(), TopicCommand.SKILLS_QUESTIONS)),
            new Standard(PathCommand.SPEC, (c, self) -> new PathCommand(c.kb(), c.engine(), progress(c), c.stores().tracks())),
            new Standard(RoadmapCommand.SPEC, (c, self) -> new RoadmapCommand(c.kb(), progress(c), c.stores().tracks())),
            new Standard(ChecklistCommand.SPEC, (c, self) -> new ChecklistCommand(c.kb(), progress(c))),
            new Standard(TickCommand.TICK, (c, self) -> new TickCommand(c.kb(), c.stores().progress(), c.clock(), true)),
            new Standard(TickCommand.UNTICK, (c, self) -> new TickCommand(c.kb(), c.stores().progress(), c.clock(), false)),
            new Standard(ProgressCommand.SPEC, (c, self) -> new ProgressCommand(c.kb(), progress(c), c.stores().tracks())),
            new Standard(NextCommand.SPEC, (c, self) -> new NextCommand(c.kb(), progress(c), c.stores().tracks())),
            new Standard(FollowCommand.FOLLOW, (c, self) ->
                    new FollowCommand(c.kb(), progress(c), c.stores().tracks(), c.clock(), true)),
            new Standard(FollowCommand.UNFOLLOW, (c, self) ->
                    new FollowCommand(c.kb(), progress(c), c.stores().tracks(), c.clock(), false)),
            new Standard(CheckinCommand.SPEC, (c, self) ->
                    new CheckinCommand(c.stores().checkins(), c.clock(), c.checkinsEnabled())),
            new Standard(FeedbackCommand.SPEC, (c, self) ->
                    new FeedbackCommand(c.stores().feedback(), c.engine().index(), c.recorder(), c.clock())),
            new Standard(ForgetMeCommand.SPEC, (c, self) -> new ForgetMeCommand(c.stores().members())),
            new Standard(HelpCommand.SPEC, (c, self) -> new HelpCommand(self)));

    /** The specs of the standard commands, without building anything (for help and adapters). */
    public static List<CommandSpec> standardSpecs() {
        return STANDARD.stream().map(Standard::spec).toList();
    }

    /** The standard command set over a context. */
    public static Commands standard(CoreContext context) {
        Commands c = new Commands();
        for (Standard s : STANDARD) {
            c.register(s.spec(), s.factory().create(context, c));
        }
        return c;
    }

    private static ChecklistProgress progress(CoreContext c) {
        return new ChecklistProgress(c.kb(), c.stores().progress());
    }

    /** Registers a command; names are unique. */
    public Commands register(CommandSpec spec, CommandHandler handler) {
        if (byName.putIfAbsent(spec.name(), new Registered(spec, handler)) != null) {
            throw new IllegalArgumentException("command /" + spec.name() + " is registered twice");
        }
        return this;
    }

    /** Every command, in registration order (the order help lists them). */
    public List<CommandSpec> specs() {
        return byName.values().stream().map(Registered::spec).toList();
    }

    /**
     * Handles a request. Never throws: an unknown command, a missing option or a failing handler
     * becomes a polite error reply.
     */
    public Reply handle(CommandRequest request) {
        Registered r = byName.get(request.command());
        if (r == null) {
            Surface surface = request.surface();
            return Reply.error("I don't know the command '" + request.command() + "'. Commands: "
                    + byName.values().stream().map(Registered::spec).filter(s -> !s.internal())
                            .map(s -> surface.command(s.name())).collect(Collectors.joining(", ")) + ".");
        }
        List<String> missing = new ArrayList<>();
        for (OptionSpec o : r.spec().options()) {
            if (o.required() && request.option(o.name()).isEmpty()) {
                missing.add(o.name());
            }
        }
        if (!missing.isEmpty()) {
            Surface surface = request.surface();
            return Reply.error(surface.command(r.spec().name()) + " needs "
                    + missing.stream().map(surface::option).collect(Collectors.joining(", "))
                    + ". " + r.spec().description() + " (" + surface.usage(r.spec()) + ").");
        }
        try {
            return r.handler().handle(request);
        } catch (StateException e) {
            // The details (which database, what failed) are for the admin's log, not a member's channel.
            LOG.warn("command /{} could not use the database: {}", request.command(), e.getMessage());
            return Reply.error(STATE_UNAVAILABLE);
        } catch (RuntimeException e) {
            LOG.error("command /{} failed", request.command(), e);
            return Reply.error("Sorry, something went wrong on my side. The admin can find the details in the log.");
        }
    }

    /** What a member hears when their data cannot be read or saved; nothing earlier is lost. */
    public static final String STATE_UNAVAILABLE = "Sorry, I could not read or save your data just now. Nothing you "
            + "saved before is lost; please try again in a minute.";

    private record Registered(CommandSpec spec, CommandHandler handler) {
    }

    private record Standard(CommandSpec spec, HandlerFactory factory) {
    }

    @FunctionalInterface
    private interface HandlerFactory {
        CommandHandler create(CoreContext context, Commands self);
    }
}
