package dev.mentorbot.app;

import dev.mentorbot.command.Commands;
import dev.mentorbot.platform.PlatformAdapter;
import dev.mentorbot.platform.PlatformException;
import java.io.PrintWriter;
import java.util.ArrayList;
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Platforms.anyConfigured(System.getenv())) {
            err.println(Platforms.howToConfigure());
            return MentorBotCli.EXIT_BAD_INPUT;
        }
        Commands commands = root.commands();
        List<PlatformAdapter> adapters = Platforms.configured(System.getenv(), commands,
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
