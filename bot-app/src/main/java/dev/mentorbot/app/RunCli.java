package dev.mentorbot.app;

import dev.mentorbot.command.Commands;
import dev.mentorbot.platform.PlatformAdapter;
import dev.mentorbot.platform.PlatformException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code run}: serves members on every configured platform until stopped (Ctrl-C or SIGTERM),
 * then disconnects cleanly and closes the database.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Serve members on Discord and/or Slack (configured by environment variables).")
final class RunCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--slack-http-port", paramLabel = "PORT",
            description = "Serve Slack over HTTP on this port (Jetty; needs SLACK_SIGNING_SECRET) instead of "
                    + "Socket Mode. Default: $SLACK_HTTP_PORT, else Socket Mode.")
    Integer slackHttpPort;

    /** The environment, with the options that stand in for variables. */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (slackHttpPort != null) {
            env.put("SLACK_HTTP_PORT", Integer.toString(slackHttpPort));
        }
        return env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = environment();
        if (!Platforms.anyConfigured(env)) {
            err.println(Platforms.howToConfigure());
            return MentorBotCli.EXIT_BAD_INPUT;
        }
        Commands commands = root.commands();
        List<PlatformAdapter> adapters = Platforms.configured(env, commands,
                root.database().processedEvents(), root.runtime().kb());
        List<PlatformAdapter> started = new ArrayList<>();
        for (PlatformAdapter adapter : adapters) {
            try {
                adapter.start();
                started.add(adapter);
                out.println(adapter.name() + ": connected");
                out.flush();
            } catch (PlatformException e) {
                err.println(adapter.name() + ": " + e.getMessage());
                started.forEach(PlatformAdapter::close);
                return MentorBotCli.EXIT_BAD_INPUT;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            started.forEach(PlatformAdapter::close);
            root.close();
            stopped.countDown();
        }, "mentor-bot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }
}
