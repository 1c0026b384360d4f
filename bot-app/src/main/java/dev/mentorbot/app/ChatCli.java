package dev.mentorbot.app;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Member;
import dev.mentorbot.command.Reply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code chat}: talk to the bot in the terminal as a member would in a channel. Plain lines are
 * questions; {@code /command args} runs any core command; {@code /quit} or end of input leaves.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat with the bot in the terminal (questions, or /roadmap, /checklist, /help ...).")
final class ChatCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean interactive = System.console() != null;
        if (interactive) {
            out.println("Loading the knowledge base...");
        }
        MentorRuntime rt = root.runtime();
        Member member = Member.console(root.user);
        if (interactive) {
            out.println("Ask me about becoming an ML or deep learning engineer. /help lists commands, /quit leaves.");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                break;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.equalsIgnoreCase("/quit") || trimmed.equalsIgnoreCase("/exit")
                    || trimmed.equalsIgnoreCase("quit") || trimmed.equalsIgnoreCase("exit")) {
                break;
            }
            Reply reply = rt.commands().handle(request(trimmed, member));
            out.println(ReplyRenderer.text(reply));
            out.flush();
        }
        return 0;
    }

    /** A line as a core request: "/name rest" runs a command, anything else asks. */
    static CommandRequest request(String line, Member member) {
        if (!line.startsWith("/")) {
            return new CommandRequest("ask", Map.of("question", line), member);
        }
        String[] parts = line.substring(1).split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        Optional<CommandSpec> spec = dev.mentorbot.command.Commands.standardSpecs().stream()
                .filter(s -> s.name().equals(name)).findFirst();
        if (spec.isEmpty() || spec.get().options().isEmpty() || rest.isEmpty()) {
            return new CommandRequest(name, Map.of(), member);
        }
        return new CommandRequest(name, Map.of(spec.get().options().get(0).name(), rest), member);
    }
}
