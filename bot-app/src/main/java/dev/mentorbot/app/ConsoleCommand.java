package dev.mentorbot.app;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.eval.Evaluator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Turns one core {@link CommandSpec} into a picocli subcommand: the command's options become
 * positional words (a question is all remaining words), plus {@code --json}. {@code ask}
 * without a question reads questions from standard input, one per line.
 */
final class ConsoleCommand {
    /** Commands an admin may run for a platform member with {@code --member}: looking, and forgetting. */
    static final java.util.Set<String> MEMBER_LOOKUP = java.util.Set.of("checklist", "progress", "forget-me");

    private ConsoleCommand() {
    }

    static CommandLine.Model.CommandSpec create(MentorBotCli root, CommandSpec core) {
        Invocation invocation = new Invocation(root, core);
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(invocation);
        invocation.spec = spec;
        spec.name(core.name());
        spec.usageMessage().description(core.description());
        spec.mixinStandardHelpOptions(true);
        int index = 0;
        for (OptionSpec o : core.options()) {
            // The last option takes the rest of the words ("ask how do I ...", "roadmap from zero");
            // the ones before it take one word each ("tick math 3").
            boolean text = index == core.options().size() - 1;
            spec.addPositional(PositionalParamSpec.builder()
                    .index(text ? index + "..*" : String.valueOf(index))
                    .arity(text ? "0..*" : "0..1")
                    .paramLabel(o.name().toUpperCase(java.util.Locale.ROOT))
                    .description(o.description())
                    .type(text ? List.class : String.class)
                    .auxiliaryTypes(String.class)
                    .build());
            index++;
        }
        if ("ask".equals(core.name())) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("--explain")
                    .description("Also print why: topic coverage and the top candidates with their scores")
                    .type(boolean.class).build());
            spec.addOption(CommandLine.Model.OptionSpec.builder("--after")
                    .paramLabel("EARLIER")
                    .description("Ask this first in the same conversation, as in a thread (repeatable, oldest first)")
                    .type(List.class).auxiliaryTypes(String.class).arity("1").build());
        }
        if (MEMBER_LOOKUP.contains(core.name())) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("--member")
                    .paramLabel("ID")
                    .description("For admins answering a support request: act for this platform member ("
                            + MemberLookup.FORMAT + ")")
                    .type(String.class).build());
        }
        if ("help".equals(core.name())) {
            HelpTopic.addTo(spec);
        }
        spec.addOption(CommandLine.Model.OptionSpec.builder("--json")
                .description("Print the reply as one JSON object"
                        + ("ask".equals(core.name()) ? " (without a question: one JSON line per line of standard input)" : ""))
                .type(boolean.class).build());
        return spec;
    }

    /** What picocli calls when the subcommand runs; knows its own parsed spec. */
    private static final class Invocation implements java.util.concurrent.Callable<Integer> {
        private final MentorBotCli root;
        private final CommandSpec core;
        private CommandLine.Model.CommandSpec spec;

        Invocation(MentorBotCli root, CommandSpec core) {
            this.root = root;
            this.core = core;
        }

        @Override
        public Integer call() throws Exception {
            return execute(root, core, spec);
        }
    }

    private static int execute(MentorBotCli root, CommandSpec core, CommandLine.Model.CommandSpec spec)
            throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ("help".equals(core.name()) && !HelpTopic.requested(spec).isEmpty()) {
            return HelpTopic.print(spec, HelpTopic.requested(spec));
        }
        boolean json = Boolean.TRUE.equals(spec.findOption("--json").getValue());
        Map<String, String> values = new HashMap<>();
        int i = 0;
        for (OptionSpec o : core.options()) {
            ArgSpec arg = spec.positionalParameters().get(i++);
            Object v = arg.getValue();
            if (v instanceof List<?> words && !words.isEmpty()) {
                values.put(o.name(), String.join(" ", words.stream().map(String::valueOf).toList()));
            } else if (v instanceof String s) {
                values.put(o.name(), s);
            }
        }
        if ("ask".equals(core.name()) && !values.containsKey("question")) {
            if (System.console() != null) {
                spec.commandLine().getErr().println(
                        "ask needs a question, e.g. ask \"how much do ML engineers earn?\" (or pipe questions, one per line)");
                return MentorBotCli.EXIT_BAD_INPUT;
            }
            return askEachLine(root, json, out);
        }
        var after = spec.findOption("--after");
        List<String> earlier = after != null && after.getValue() instanceof List<?> qs
                ? qs.stream().map(String::valueOf).toList() : List.of();
        if (spec.findOption("--explain") != null && Boolean.TRUE.equals(spec.findOption("--explain").getValue())) {
            // With --json, stdout stays one JSON document: the explanation goes to stderr.
            var engine = root.runtime().engine();
            (json ? spec.commandLine().getErr() : out).println(engine.explain(values.getOrDefault("question", ""),
                    Evaluator.conversation(engine, earlier)));
        }
        String conversation = "";
        if (!earlier.isEmpty()) {
            // The earlier questions are asked first in a conversation of this command's own.
            conversation = "console:" + root.member().userId() + ":" + java.util.UUID.randomUUID();
            for (String q : earlier) {
                root.commands().handle(new CommandRequest("ask", Map.of("question", q), root.member(), conversation));
            }
        }
        dev.mentorbot.state.MemberId member = root.member();
        var named = spec.findOption("--member");
        if (named != null && named.getValue() instanceof String id) {
            try {
                member = MemberLookup.parse(id);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return MentorBotCli.EXIT_BAD_INPUT;
            }
        }
        Reply reply = root.commands().handle(new CommandRequest(core.name(), values, member, conversation));
        if (json) {
            out.println(switch (core.name()) {
                case "ask" -> ReplyRenderer.askJson(values.get("question"), reply);
                case "next" -> ReplyRenderer.nextJson(reply);
                default -> ReplyRenderer.json(reply);
            });
        } else if (reply.kind() == Reply.Kind.ERROR) {
            spec.commandLine().getErr().println(ReplyRenderer.text(reply));
        } else {
            out.println(ReplyRenderer.text(reply));
        }
        if (reply.kind() == Reply.Kind.ERROR) {
            return MentorBotCli.EXIT_BAD_INPUT;
        }
        return 0;
    }

    /** Answers every line of standard input, one reply per line, blank lines included. */
    private static int askEachLine(MentorBotCli root, boolean json, PrintWriter out) throws Exception {
        var commands = root.commands();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        try {
            while ((line = in.readLine()) != null) {
                // Blank lines are answered too (with the invitation to ask): one output line per input line.
                Reply reply = line.isBlank()
                        ? dev.mentorbot.ask.AskCommand.toReply(root.runtime().engine().answer(line))
                        : commands.handle(new CommandRequest("ask", Map.of("question", line), root.member()));
                out.println(json ? ReplyRenderer.askJson(line, reply) : ReplyRenderer.text(reply));
            }
        } catch (IOException e) {
            throw new IOException("cannot read standard input: " + e.getMessage(), e);
        }
        out.flush();
        return 0;
    }
}
