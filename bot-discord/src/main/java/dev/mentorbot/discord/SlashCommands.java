package dev.mentorbot.discord;

import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Discord slash commands derived from the core's command specs, so Discord offers exactly what
 * the core does. Track, topic and checklist-item options autocomplete with names from the content,
 * filtered by what the member types (items by the topic already picked).
 */
public final class SlashCommands {
    static final int MAX_CHOICES = 25;

    private SlashCommands() {
    }

    /** The slash commands for these specs. */
    public static List<CommandData> of(List<CommandSpec> specs, Map<OptionSpec.Type, List<Choice>> choices) {
        List<CommandData> commands = new ArrayList<>();
        for (CommandSpec spec : specs) {
            // Internal commands (feedback) come from buttons, never from what members type.
            if (spec.internal()) {
                continue;
            }
            SlashCommandData data = net.dv8tion.jda.api.interactions.commands.build.Commands
                    .slash(spec.name(), spec.description());
            for (OptionSpec o : spec.options()) {
                OptionData option = new OptionData(OptionType.STRING, o.name(),
                        Limits.trim(o.description(), OptionData.MAX_DESCRIPTION_LENGTH), o.required());
                List<Choice> offered = choices.getOrDefault(o.type(), List.of());
                if (o.type() == OptionSpec.Type.SWITCH) {
                    // on or off: a fixed pair, nothing to filter.
                    for (Choice c : offered) {
                        option.addChoice(Limits.trim(c.title(), OptionData.MAX_CHOICE_NAME_LENGTH),
                                Limits.trim(c.id(), OptionData.MAX_CHOICE_VALUE_LENGTH));
                    }
                } else if (o.type() != OptionSpec.Type.TEXT && !offered.isEmpty()) {
                    // Names from the content, filtered as the member types: no id to remember.
                    option.setAutoComplete(true);
                }
                data.addOptions(option);
            }
            commands.add(data);
        }
        return commands;
    }

    /** Autocomplete: the choices whose id or title contains what the member typed, at most 25. */
    public static List<Command.Choice> complete(List<Choice> offered, String typed) {
        return complete(offered, typed, "");
    }

    /**
     * Autocomplete for an option, at most 25 choices (Discord's limit), names and values cut to
     * 100 characters.
     *
     * @param topic the checklist already picked in the same command, for checklist items: only its
     *              items are offered (all items when it is empty)
     */
    public static List<Command.Choice> complete(List<Choice> offered, String typed, String topic) {
        String t = typed == null ? "" : typed.toLowerCase(Locale.ROOT).strip();
        String within = topic == null || topic.isBlank() ? "" : topic.strip() + "/";
        return offered.stream()
                .filter(c -> c.id().startsWith(within))
                .filter(c -> c.id().toLowerCase(Locale.ROOT).contains(t) || c.title().toLowerCase(Locale.ROOT).contains(t))
                .limit(MAX_CHOICES)
                .map(c -> new Command.Choice(Limits.trim(c.title(), OptionData.MAX_CHOICE_NAME_LENGTH),
                        Limits.trim(c.id(), OptionData.MAX_CHOICE_VALUE_LENGTH)))
                .toList();
    }
}
