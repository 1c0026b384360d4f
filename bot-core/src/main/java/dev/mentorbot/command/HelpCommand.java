package dev.mentorbot.command;

import java.util.List;

/** Lists what members can type, from the registered command specs, in the syntax of the surface they asked on. */
final class HelpCommand implements CommandHandler {
    static final CommandSpec SPEC = new CommandSpec("help", "What I can do and how to ask", List.of());

    private final Commands commands;

    HelpCommand(Commands commands) {
        this.commands = commands;
    }

    @Override
    public Reply handle(CommandRequest request) {
        List<ReplyItem> items = commands.specs().stream()
                .filter(s -> !s.internal())
                .map(s -> new ReplyItem(s.name(), request.surface().usage(s), false, s.description()))
                .toList();
        return new Reply(Reply.Kind.HELP, "mentor-bot",
                "I answer questions about becoming a machine learning or deep learning engineer, "
                        + "with a short passage and its source, and I say so when I don't know.",
                List.of(), List.of(), items, true);
    }
}
