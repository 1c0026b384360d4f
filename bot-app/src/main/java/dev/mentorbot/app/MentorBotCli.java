package dev.mentorbot.app;

import dev.mentorbot.app.config.ConfigException;
import dev.mentorbot.app.config.ConfigFile;
import dev.mentorbot.app.config.Configuration;
import dev.mentorbot.app.config.Setting;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.serve.RateLimitSettings;
import dev.mentorbot.command.AnswerVisibility;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.content.ContentException;
import dev.mentorbot.content.ContentLimits;
import dev.mentorbot.retrieval.DjlSettings;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.StateException;
import dev.mentorbot.state.Stores;
import java.time.Clock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mentor-bot} command line: the console adapter over the core's commands, plus the
 * admin tools. Core commands ({@code ask}, {@code roadmap}, {@code checklist}, ...) are derived
 * from {@link Commands#standardSpecs()}, so the console offers exactly what Discord and Slack do.
 */
@Command(name = "mentor-bot", mixinStandardHelpOptions = true, versionProvider = MentorBotCli.Version.class,
        description = "A career mentor for AI/ML communities: sourced answers about becoming an ML or "
                + "deep learning engineer, roadmaps and checklists.",
        subcommands = {RunCli.class, ReloadCli.class, ConfigCli.class, DiscordCli.class, SlackCli.class, ChatCli.class,
                ReportCli.class, EvalCli.class, CheckContentCli.class, BenchCli.class, BackupCli.class, HealthCli.class},
        usageHelpAutoWidth = true)
public final class MentorBotCli implements Callable<Integer> {
    /** Exit code for input the bot cannot use (bad content, bad files, bad options). */
    static final int EXIT_BAD_INPUT = 2;
    /** Exit code when a check fails (eval below its bar). */
    static final int EXIT_FAILED = 1;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Read settings from this YAML file (default: $MENTOR_BOT_CONFIG). Command line options win "
                    + "over environment variables, which win over the file. See 'config show'.")
    Path configFile;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Log lines as text or json (one object per line, to stderr). Default: text.")
    String logFormat;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "error, warn, info or debug (debug: one line per request, never member text). "
                    + "Default: info for run, warn otherwise.")
    String logLevel;

    @Option(names = "--content", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Use only this folder's content instead of the bundled knowledge base.")
    Path content;

    @Option(names = "--extra-content", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Add this folder's content to the knowledge base (repeatable).")
    List<Path> extraContent = new ArrayList<>();

    @Option(names = "--lexical-only", scope = ScopeType.INHERIT,
            description = "Turn the sentence embeddings off (BM25 only: faster start, lower quality).")
    boolean lexicalOnly;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Who you are on the console (default: your login name).")
    String user = System.getProperty("user.name", "local");

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where the SQLite database lives (default: $MENTOR_BOT_DATA_DIR, else "
                    + "$XDG_DATA_HOME/mentor-bot, else ~/.local/share/mentor-bot).")
    Path dataDir;

    @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Use PostgreSQL instead of SQLite, e.g. jdbc:postgresql://host:5432/mentor "
                    + "(default: $MENTOR_BOT_DB_URL). Credentials come from $MENTOR_BOT_DB_USER and "
                    + "$MENTOR_BOT_DB_PASSWORD.")
    String dbUrl;

    @Option(names = "--log-questions", scope = ScopeType.INHERIT, paramLabel = "MODE",
            description = "What the question log keeps: full (question text), hashed (a hash of its topic "
                    + "words) or off (nothing). Default: ${DEFAULT-VALUE}.", defaultValue = "full",
            converter = PrivacyConverter.class)
    QuestionPrivacy logQuestions = QuestionPrivacy.FULL;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The environment over the config file; set before parsing (see {@link #run}). */
    private Configuration configuration = Configuration.ofEnvironment();
    private MentorRuntime runtime;
    private Database database;
    private Commands commands;

    /** The settings in force below the command line. */
    Configuration configuration() {
        return configuration;
    }

    /** Builds the core on first use, so --help and usage errors stay instant. */
    MentorRuntime runtime() throws ContentException {
        if (runtime == null) {
            runtime = buildRuntime();
        }
        return runtime;
    }

    /** Loads the content and builds a fresh index, as the options say (also used to reload). */
    MentorRuntime buildRuntime() throws ContentException {
        return MentorRuntime.start(content, extraFolders(), lexicalOnly, dataDirectory(), contentLimits());
    }

    /** How much content the loader accepts, as the settings say. */
    ContentLimits contentLimits() {
        ContentLimits d = ContentLimits.DEFAULTS;
        return new ContentLimits(number(Setting.CONTENT_MAX_FILE_KB, (int) (d.maxFileBytes() / 1024)) * 1024L,
                number(Setting.CONTENT_MAX_FILES, d.maxFiles()), number(Setting.CONTENT_MAX_LINE_CHARS, d.maxLineChars()),
                number(Setting.CONTENT_MAX_PASSAGES, d.maxPassages()));
    }

    /** --extra-content, else the list the environment or the config file gives. */
    List<Path> extraFolders() {
        if (!extraContent.isEmpty()) {
            return extraContent;
        }
        return configuration.get(Setting.EXTRA_CONTENT).stream()
                .flatMap(v -> Arrays.stream(v.split(java.io.File.pathSeparator)))
                .filter(s -> !s.isBlank()).map(s -> Path.of(s.strip())).toList();
    }

    /** The rate limits the settings give. */
    RateLimitSettings rateLimits() {
        RateLimitSettings d = RateLimitSettings.DEFAULTS;
        return new RateLimitSettings(number(Setting.MEMBER_BURST, d.memberBurst()),
                number(Setting.MEMBER_PER_MINUTE, d.memberPerMinute()), number(Setting.GLOBAL_PER_SECOND, d.globalPerSecond()));
    }

    /** A whole-number setting; its value was checked when the file and the environment were read. */
    int number(Setting setting, int fallback) {
        return configuration.get(setting).map(v -> Integer.parseInt(v.strip())).orElse(fallback);
    }

    /** A true/false setting; its value was checked when the file and the environment were read. */
    boolean flag(Setting setting, boolean fallback) {
        return configuration.get(setting).map(v -> v.strip().equals("true")).orElse(fallback);
    }

    /** Opens the database on first use; only commands that remember anything need it. */
    Database database() {
        if (database == null) {
            database = Database.open(databaseSettings());
        }
        return database;
    }

    /** The core's commands over the runtime and the database. */
    Commands commands() throws ContentException {
        if (commands == null) {
            commands = commandsOver(runtime());
        }
        return commands;
    }

    /** The command set over one runtime (a reload builds a new one over the new runtime). */
    Commands commandsOver(MentorRuntime rt) {
        return Commands.standard(new CoreContext(rt.kb(), rt.engine(), Stores.of(database()), logQuestions,
                Clock.systemUTC(), flag(Setting.CHECKINS_ENABLED, false), answerVisibility()));
    }

    /** Who sees slash-command answers ({@code answers.visibility}, private unless set to public). */
    AnswerVisibility answerVisibility() {
        return configuration.get(Setting.ANSWERS_VISIBILITY).map(v -> v.strip().equals("public")).orElse(false)
                ? AnswerVisibility.PUBLIC : AnswerVisibility.PRIVATE;
    }

    /** The console member: this machine's user, or --user. */
    MemberId member() {
        return MemberId.console(user);
    }

    DatabaseSettings databaseSettings() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return DatabaseSettings.postgres(dbUrl.strip(), configuration.get(Setting.DB_USER).orElse(null),
                    configuration.get(Setting.DB_PASSWORD).orElse(null));
        }
        return DatabaseSettings.sqlite(dataDirectory())
                .withMaxSize(number(Setting.DB_MAX_SIZE_MB, 0) * 1024L * 1024L);
    }

    /** --data-dir, else the environment or the file, else {@link #defaultDataDir()}. */
    Path dataDirectory() {
        return dataDir != null ? dataDir : defaultDataDir();
    }

    /** Where the database lives when neither --data-dir, $MENTOR_BOT_DATA_DIR nor the file says. */
    static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "mentor-bot");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "mentor-bot");
    }

    /** Closes the database, if it was opened. Safe to call twice (a shutdown hook may race main). */
    synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** Sets up logging from the options before any command runs; a bad value is a usage error. */
    private void applyLogging(CommandLine.ParseResult parseResult) {
        String format = logFormat == null ? "text" : logFormat.strip().toLowerCase(java.util.Locale.ROOT);
        Setting.LOG_FORMAT.problem(format).ifPresent(p -> {
            throw new CommandLine.ParameterException(parseResult.commandSpec().commandLine(), "--log-format " + p);
        });
        boolean serving = parseResult.subcommand() != null && parseResult.subcommand().commandSpec().name().equals("run");
        String level = logLevel == null ? (serving ? "info" : "warn") : logLevel.strip().toLowerCase(java.util.Locale.ROOT);
        Setting.LOG_LEVEL.problem(level).ifPresent(p -> {
            throw new CommandLine.ParameterException(parseResult.commandSpec().commandLine(), "--log-level " + p);
        });
        Logging.configure(format, level);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        // Before anything can load DJL (the embeddings' tokenizer): no metadata probe, no telemetry.
        DjlSettings.offline();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * Runs the CLI with the given streams and environment; returns the exit code. The config file
     * is read before parsing, because the options take their defaults from it.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        DjlSettings.offline();
        Optional<Path> file = configPath(args, env);
        Optional<ConfigFile> config = Optional.empty();
        if (file.isPresent()) {
            try {
                config = Optional.of(ConfigFile.load(file.get()));
            } catch (ConfigException e) {
                return refuse(err, "Cannot use the config file:", e.problems());
            }
        }
        MentorBotCli root = new MentorBotCli();
        root.configuration = Configuration.of(env, config);
        List<String> envProblems = root.configuration.environmentProblems();
        if (!envProblems.isEmpty()) {
            return refuse(err, "Cannot use the environment:", envProblems);
        }
        try {
            return commandLine(root, out, err).execute(args);
        } finally {
            root.close();
        }
    }

    /** Prints settings that cannot be used, one per line, before anything starts. */
    private static int refuse(PrintWriter err, String title, List<String> problems) {
        err.println(title);
        problems.forEach(p -> err.println("  " + p));
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /** --config FILE (or --config=FILE) on the command line, else $MENTOR_BOT_CONFIG. */
    static Optional<Path> configPath(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(Path.of(args[i].substring("--config=".length())));
            }
        }
        return Optional.ofNullable(env.get("MENTOR_BOT_CONFIG")).filter(v -> !v.isBlank()).map(Path::of);
    }

    static CommandLine commandLine(MentorBotCli root, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(root);
        List<String> memberCommands = new ArrayList<>();
        for (var spec : Commands.standardSpecs()) {
            cl.addSubcommand(spec.name(), ConsoleCommand.create(root, spec));
            memberCommands.add(spec.name());
        }
        memberCommands.add("chat");
        // picocli writes the bash/zsh script from the command tree itself, so it covers every command.
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage().hidden(false)
                .description("Print a bash/zsh completion script for every command: mentor-bot completion > mentor-bot.bash");
        cl.addSubcommand("completion", completion);
        CommandGroups.apply(cl, memberCommands);
        cl.setOut(out);
        cl.setErr(err);
        // Options not given on the command line take their value from the environment or the file.
        cl.setDefaultValueProvider(option -> option instanceof picocli.CommandLine.Model.OptionSpec o
                ? root.configuration.option(o.longestName()).orElse(null) : null);
        cl.setExecutionStrategy(parseResult -> {
            root.applyLogging(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ContentException ce) {
                commandLine.getErr().println("Cannot use the content: " + ce.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (e instanceof StateException se) {
                commandLine.getErr().println("Cannot use the database: " + se.getMessage());
                return EXIT_BAD_INPUT;
            }
            commandLine.getErr().println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (System.getenv("MENTOR_BOT_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILED;
        });
        return cl;
    }

    /** Parses --log-questions with a message that names the valid values. */
    static final class PrivacyConverter implements CommandLine.ITypeConverter<QuestionPrivacy> {
        @Override
        public QuestionPrivacy convert(String value) {
            try {
                return QuestionPrivacy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The version and the commit the build came from (see {@link BuildInfo}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.current().line()};
        }
    }
}
