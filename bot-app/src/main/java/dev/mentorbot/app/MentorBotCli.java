package dev.mentorbot.app;

import dev.mentorbot.command.Commands;
import dev.mentorbot.content.ContentException;
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
        subcommands = {ChatCli.class, EvalCli.class, CheckContentCli.class, BenchCli.class},
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

    private MentorRuntime runtime;

    /** Builds the core on first use, so --help and usage errors stay instant. */
    MentorRuntime runtime() throws ContentException {
        if (runtime == null) {
            runtime = MentorRuntime.start(content, extraContent, lexicalOnly);
        }
        return runtime;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(new MentorBotCli(), out, err).execute(args);
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
            commandLine.getErr().println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (System.getenv("MENTOR_BOT_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILED;
        });
        return cl;
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
