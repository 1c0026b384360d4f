package dev.mentorbot.app;

import dev.mentorbot.app.config.ConfigException;
import dev.mentorbot.app.config.ConfigFile;
import dev.mentorbot.app.config.Configuration;
import dev.mentorbot.app.config.Setting;
import dev.mentorbot.discord.DiscordSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code config}: check a config file, or show the settings in force and where each comes from. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check or show the configuration.",
        subcommands = {ConfigCli.Check.class, ConfigCli.Show.class})
final class ConfigCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code config check FILE}: every wrong key or value, each with its line. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a config file: names every unknown key and bad value with its line.")
    static final class Check implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The YAML config file.")
        Path file;

        @Override
        public Integer call() {
            try {
                ConfigFile config = ConfigFile.load(file);
                spec.commandLine().getOut().println(file + ": OK (" + config.values().size() + " settings)");
                return 0;
            } catch (ConfigException e) {
                PrintWriter err = spec.commandLine().getErr();
                e.problems().forEach(err::println);
                err.println(e.problems().size() + " problem(s). Keys and values: mentor-bot config show.");
                return MentorBotCli.EXIT_BAD_INPUT;
            }
        }
    }

    /** {@code config show}: each setting, its value (secrets masked) and where it comes from. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "List every setting: file key, variable, value in force (secrets masked) and its origin.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ConfigCli config;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Configuration c = config.root.configuration();
            c.file().ifPresent(f -> out.println("config file: " + f.path()));
            for (Setting s : Setting.ALL) {
                Optional<String> given = givenOnCommandLine(s);
                String value = given.or(() -> c.get(s)).map(v -> inForce(s, v)).orElse(s.defaultText().isEmpty() ? "(unset)"
                        : s.defaultText() + " (default)");
                String origin = given.isPresent() ? "from " + s.option() : switch (c.origin(s)) {
                    case ENVIRONMENT -> "from " + s.env();
                    case SECRET_FILE -> "from " + s.fileEnv();
                    case FILE -> "from the file";
                    case DEFAULT -> "";
                };
                out.printf("%-28s %-36s %s %s%n", s.key(), s.env(), value, origin);
            }
            out.println("Precedence: command line option > environment variable > config file > default.");
            return 0;
        }

        /**
         * The value of the setting's option, if this command line gave it: before {@code config},
         * between {@code config} and {@code show}, or after (the global options are inherited).
         */
        private Optional<String> givenOnCommandLine(Setting s) {
            if (s.option().isEmpty()) {
                return Optional.empty();
            }
            Optional<String> value = Optional.empty();
            for (CommandLine.ParseResult level = config.root.spec.commandLine().getParseResult(); level != null;
                 level = level.subcommand()) {
                CommandLine.Model.OptionSpec option = level.matchedOption(s.option());
                if (option != null) {
                    List<String> strings = option.stringValues();
                    // A flag such as --lexical-only has no string value: being given means true.
                    value = Optional.of(strings.isEmpty() ? "true" : strings.get(strings.size() - 1));
                }
            }
            return value;
        }

        /**
         * The value as the bot uses it, secrets masked. A value the bot bounds is shown as bounded,
         * with what was set beside it: an admin reading the list must see what is in force.
         */
        static String inForce(Setting s, String value) {
            if (s.equals(Setting.DISCORD_DEFER_AFTER) && s.problem(value).isEmpty()) {
                long set = Long.parseLong(value.strip());
                long used = DiscordSettings.deferAfterInForce(set);
                if (used != set) {
                    return used + " (" + set + " is set; at most " + DiscordSettings.MAX_DEFER_AFTER_MS
                            + " is used: Discord waits 3 s for the first response)";
                }
            }
            return s.shown(value);
        }
    }
}
