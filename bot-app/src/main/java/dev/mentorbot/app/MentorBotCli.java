package dev.mentorbot.app;

import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.content.ContentException;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.StateException;
import dev.mentorbot.state.Stores;
import java.time.Clock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
        subcommands = {RunCli.class, DiscordCli.class, SlackCli.class, ChatCli.class, ReportCli.class, EvalCli.class, CheckContentCli.class, BenchCli.class},
        usageHelpAutoWidth = true)
public final class MentorBotCli implements Callable<Integer> {
    /** Exit code for input the bot cannot use (bad content, bad files, bad options). */
    static final int EXIT_BAD_INPUT = 2;
    /** Exit code when a check fails (eval below its bar). */
    static final int EXIT_FAILED = 1;

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
    String dbUrl = System.getenv("MENTOR_BOT_DB_URL");

    @Option(names = "--log-questions", scope = ScopeType.INHERIT, paramLabel = "MODE",
            description = "What the question log keeps: full (question text), hashed (a hash of its topic "
                    + "words) or off (nothing). Default: ${DEFAULT-VALUE}.", defaultValue = "full",
            converter = PrivacyConverter.class)
    QuestionPrivacy logQuestions = QuestionPrivacy.FULL;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private MentorRuntime runtime;
    private Database database;
    private Commands commands;

    /** Builds the core on first use, so --help and usage errors stay instant. */
    MentorRuntime runtime() throws ContentException {
        if (runtime == null) {
            runtime = MentorRuntime.start(content, extraContent, lexicalOnly);
        }
        return runtime;
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
            MentorRuntime rt = runtime();
            commands = Commands.standard(new CoreContext(rt.kb(), rt.engine(), Stores.of(database()), logQuestions,
                    Clock.systemUTC()));
        }
        return commands;
    }

    /** The console member: this machine's user, or --user. */
    MemberId member() {
        return MemberId.console(user);
    }

    DatabaseSettings databaseSettings() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return DatabaseSettings.postgres(dbUrl.strip(), System.getenv("MENTOR_BOT_DB_USER"),
                    System.getenv("MENTOR_BOT_DB_PASSWORD"));
        }
        return DatabaseSettings.sqlite(dataDir != null ? dataDir : defaultDataDir());
    }

    static Path defaultDataDir() {
        String explicit = System.getenv("MENTOR_BOT_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
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

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        MentorBotCli root = new MentorBotCli();
        try {
            return commandLine(root, out, err).execute(args);
        } finally {
            root.close();
        }
    }

    static CommandLine commandLine(MentorBotCli root, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(root);
        for (var spec : Commands.standardSpecs()) {
            cl.addSubcommand(spec.name(), ConsoleCommand.create(root, spec));
        }
        cl.setOut(out);
        cl.setErr(err);
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

    /** The version, from the jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MentorBotCli.class.getPackage().getImplementationVersion();
            return new String[] {"mentor-bot " + (v == null ? "development build" : v)};
        }
    }
}
