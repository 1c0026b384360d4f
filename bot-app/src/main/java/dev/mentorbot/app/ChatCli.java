package dev.mentorbot.app;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandText;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.Surface;
import dev.mentorbot.state.MemberId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code chat}: talk to the bot in the terminal as a member would in a channel. A line is read by
 * the core's {@link CommandText}: a command's name and its options ({@code tick math 3}, with or
 * without a leading {@code /}) runs it, anything else is a question; {@code /helpful} and
 * {@code /not-helpful} rate the last answer; {@code /quit} or end of input (Ctrl-D) leaves. On a
 * terminal it edits lines and keeps a history (see {@link ChatConsole}).
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat with the bot in the terminal (questions, or roadmap, checklist, tick, help ...).")
final class ChatCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ChatConsole console = ChatConsole.open(spec.commandLine().getOut())) {
            return converse(console);
        }
    }

    /** The conversation: lines in, replies out, until /quit or the end of input. */
    int converse(ChatConsole console) throws Exception {
        boolean interactive = console.interactive();
        if (interactive) {
            console.show("Loading the knowledge base...");
        }
        Commands commands = root.commands();
        CommandText syntax = new CommandText(commands.specs());
        MemberId member = root.member();
        // One chat session is one conversation: follow-ups ("and in India?") refer to earlier lines.
        String conversation = "console:" + member.userId() + ":" + java.util.UUID.randomUUID();
        if (interactive) {
            console.show("Ask me about becoming an ML or deep learning engineer. help lists commands, "
                    + "/helpful or /not-helpful rates my last answer, /quit or Ctrl-D leaves.");
        }
        String lastQuestion = null;
        Reply lastAnswer = null;
        while (true) {
            String line = console.readLine();
            if (line == null) {
                break;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (List.of("/quit", "/exit", "quit", "exit").contains(lower)) {
                break;
            }
            Reply reply;
            if (lower.equals("/helpful") || lower.equals("/not-helpful")) {
                reply = lastAnswer == null || lastAnswer.sources().isEmpty()
                        ? Reply.error("There is no answer to rate yet: ask me something first.")
                        : commands.handle(new CommandRequest("feedback", Map.of("vote", lower.substring(1),
                                "answer", lastAnswer.sources().get(0).passageId(), "question", lastQuestion), member));
            } else {
                // The same reader as Slack's /mentor text and mentions: "tick math 3" or "/tick math 3".
                CommandRequest request = syntax.parse(trimmed, member, conversation, Surface.CONSOLE);
                reply = commands.handle(request);
                if (request.command().equals("ask")) {
                    lastQuestion = trimmed;
                    lastAnswer = reply;
                }
            }
            console.show(ReplyRenderer.text(reply));
        }
        return 0;
    }
}
