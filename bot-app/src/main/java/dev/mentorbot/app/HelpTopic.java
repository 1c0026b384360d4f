package dev.mentorbot.app;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code help COMMAND}: the usage of one command ({@code help ask}, {@code help config check}),
 * as {@code COMMAND --help} prints it. Plain {@code help} stays the core's own help, the same a
 * member gets on Discord and Slack; only the console knows the command line's usage.
 */
final class HelpTopic {
    private static final String LABEL = "COMMAND";

    private HelpTopic() {
    }

    /** Gives the console's {@code help} its optional {@code COMMAND} words. */
    static void addTo(CommandSpec help) {
        help.addPositional(PositionalParamSpec.builder()
                .index("0..*")
                .arity("0..*")
                .paramLabel(LABEL)
                .description("Show the usage of this command instead, e.g. help ask, help config check")
                .type(List.class).auxiliaryTypes(String.class)
                .completionCandidates(() -> help.root().subcommands().keySet().iterator())
                .build());
    }

    /** The words after {@code help}, empty when there are none. */
    static List<String> requested(CommandSpec help) {
        for (PositionalParamSpec p : help.positionalParameters()) {
            if (LABEL.equals(p.paramLabel()) && p.getValue() instanceof List<?> words) {
                return words.stream().map(String::valueOf).toList();
            }
        }
        return List.of();
    }

    /** Prints the usage of the command the words name; exit code 2 when there is no such command. */
    static int print(CommandSpec help, List<String> words) {
        CommandLine target = help.root().commandLine();
        for (String word : words) {
            CommandLine next = target.getSubcommands().get(word);
            if (next == null) {
                PrintWriter err = help.commandLine().getErr();
                String where = target == help.root().commandLine() ? "" : " under '" + target.getCommandName() + "'";
                err.println("There is no command '" + word + "'" + where + ". Commands: "
                        + String.join(", ", target.getSubcommands().keySet()) + ".");
                return MentorBotCli.EXIT_BAD_INPUT;
            }
            target = next;
        }
        target.usage(help.commandLine().getOut());
        return 0;
    }
}
