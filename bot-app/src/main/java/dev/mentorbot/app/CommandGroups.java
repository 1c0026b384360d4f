package dev.mentorbot.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The usage lists commands in two groups: what a member does (ask, roadmap, chat, ...) and the
 * tools that run and look after the bot (run, config, backup, ...). One flat list of 30 mixed
 * the two, and a member had to read past the admin tools to find {@code ask}.
 */
final class CommandGroups {
    static final String MEMBER_HEADING = "Member commands:";
    static final String ADMIN_HEADING = "Admin tools:";

    private CommandGroups() {
    }

    /**
     * Replaces the root's single command list with the two groups.
     *
     * @param memberCommands the member commands, in the order to list them; every other command is
     *                       an admin tool, listed in the order it was registered
     */
    static void apply(CommandLine root, List<String> memberCommands) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = root.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> {
            Map<String, Help> members = new LinkedHashMap<>();
            memberCommands.forEach(name -> {
                if (help.subcommands().containsKey(name)) {
                    members.put(name, help.subcommands().get(name));
                }
            });
            Map<String, Help> admin = new LinkedHashMap<>(help.subcommands());
            admin.keySet().removeAll(members.keySet());
            return section(help, MEMBER_HEADING, members) + section(help, ADMIN_HEADING, admin);
        });
    }

    private static String section(Help help, String heading, Map<String, Help> commands) {
        return commands.isEmpty() ? "" : heading + System.lineSeparator() + help.commandList(commands);
    }
}
