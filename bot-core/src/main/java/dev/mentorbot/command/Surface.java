package dev.mentorbot.command;

import java.util.Locale;

/**
 * Where a member types commands, and so how the bot writes a command back to them: in help, in
 * "needs ..." errors, in hints. The adapter names its surface in each {@link CommandRequest}; the
 * core writes the syntax, so no adapter rewrites the core's text.
 */
public enum Surface {
    /** The terminal: plain words, {@code tick TOPIC ITEM}, as the CLI and the chat read them. */
    CONSOLE("", true),
    /** Discord's slash commands: {@code /tick <topic> <item>}. */
    DISCORD("/", false),
    /** Slack's one slash command with the bot's command as its first word: {@code /mentor tick <topic> <item>}. */
    SLACK("/mentor ", false);

    private final String prefix;
    private final boolean upperCaseOptions;

    Surface(String prefix, boolean upperCaseOptions) {
        this.prefix = prefix;
        this.upperCaseOptions = upperCaseOptions;
    }

    /** A command as members type it here, e.g. {@code /mentor ask}. */
    public String command(String name) {
        return prefix + name;
    }

    /** An option's placeholder here, e.g. {@code ITEM} on the console, {@code item} on Discord. */
    public String option(String name) {
        return upperCaseOptions ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** A command with its options' placeholders, e.g. {@code /roadmap [track]} or {@code roadmap [TRACK]}. */
    public String usage(CommandSpec spec) {
        StringBuilder sb = new StringBuilder(command(spec.name()));
        for (OptionSpec o : spec.options()) {
            String placeholder = upperCaseOptions ? option(o.name()) : "<" + o.name() + ">";
            sb.append(' ').append(o.required() ? placeholder : "[" + (upperCaseOptions ? option(o.name()) : o.name()) + "]");
        }
        return sb.toString();
    }
}
