package dev.mentorbot.command;

import java.util.List;
import java.util.Optional;

/**
 * A command as data: what adapters need to declare it on their platform.
 *
 * @param name        lower-case name, e.g. {@code ask}
 * @param description one line of help, under 100 characters (Discord's limit)
 * @param options     its options, required ones first
 * @param internal    true for a command members do not type (feedback comes from buttons and needs
 *                    ids): help never lists it and no platform offers it as a command
 */
public record CommandSpec(String name, String description, List<OptionSpec> options, boolean internal) {
    /** A command members type. */
    public CommandSpec(String name, String description, List<OptionSpec> options) {
        this(name, description, options, false);
    }

    public CommandSpec {
        options = List.copyOf(options);
        if (description.length() > 100) {
            throw new IllegalArgumentException("description of /" + name + " is over 100 characters");
        }
    }

    /** The option of that name, if the command has one. */
    public Optional<OptionSpec> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }
}
