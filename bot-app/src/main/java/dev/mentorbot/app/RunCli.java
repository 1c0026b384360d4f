package dev.mentorbot.app;

import dev.mentorbot.app.config.Setting;
import dev.mentorbot.checkin.WeeklyCheckins;
import dev.mentorbot.platform.DirectMessages;
import dev.mentorbot.platform.PlatformAdapter;
import dev.mentorbot.platform.PlatformException;
import dev.mentorbot.serve.CoreMetrics;
import dev.mentorbot.serve.RateLimiter;
import dev.mentorbot.serve.ServingCore;
import dev.mentorbot.state.Database;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code run}: serves members on every configured platform until stopped (Ctrl-C or SIGTERM).
 * Optionally serves the admin port and watches the content. On stop it refuses new work,
 * finishes answers in flight (bounded by {@code shutdown.grace-seconds}), disconnects and
 * closes the database.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Serve members on Discord and/or Slack (configured by environment variables or --config).")
final class RunCli implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCli.class);
    /** Editors write a file in several steps; wait this long after the last change before reloading. */
    private static final Duration WATCH_QUIET = Duration.ofMillis(500);

    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--slack-http-port", paramLabel = "PORT",
            description = "Serve Slack over HTTP on this port (Jetty; needs SLACK_SIGNING_SECRET) instead of "
                    + "Socket Mode. Default: $SLACK_HTTP_PORT, else Socket Mode.")
    Integer slackHttpPort;

    @Option(names = "--slack-http-bind", paramLabel = "ADDRESS",
            description = "Address the Slack HTTP port listens on, e.g. 127.0.0.1 behind a reverse proxy on this host. "
                    + "Default: $SLACK_HTTP_HOST, else 0.0.0.0 (every interface).")
    String slackHttpBind;

    @Option(names = "--admin-port", paramLabel = "PORT",
            description = "Serve /livez, /readyz (/healthz), /metrics and POST /reload on this port (0 picks a free one). "
                    + "Default: $MENTOR_BOT_ADMIN_PORT, else off.")
    Integer adminPort;

    @Option(names = "--admin-bind", paramLabel = "ADDRESS",
            description = "Address the admin port listens on. Default: $MENTOR_BOT_ADMIN_BIND, else 127.0.0.1.")
    String adminBind;

    @Option(names = "--watch-content", description = "Rebuild the index in the background when content files "
            + "change, and swap it in when it is ready. Default: $MENTOR_BOT_WATCH_CONTENT, else off.")
    boolean watchContent;

    /** The environment and config file, with the options that stand in for variables. */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(root.configuration().environment());
        if (slackHttpPort != null) {
            env.put(Setting.SLACK_HTTP_PORT.env(), Integer.toString(slackHttpPort));
        }
        if (slackHttpBind != null && !slackHttpBind.isBlank()) {
            env.put(Setting.SLACK_HTTP_BIND.env(), slackHttpBind.strip());
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
        Duration grace = Duration.ofSeconds(root.number(Setting.SHUTDOWN_GRACE, 10));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // The usual process gauges beside the bot's own: heap, GC, threads, CPU, uptime.
        List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(), new ProcessorMetrics(),
                new UptimeMetrics()).forEach(binder -> binder.bindTo(registry));
        ServingCore serving = new ServingCore(root.commands(), new RateLimiter(root.rateLimits()),
                new CoreMetrics(registry));
        ContentReloader reloader = new ContentReloader(root.runtime(), root::buildRuntime, root::commandsOver, serving,
                registry);
        List<PlatformAdapter> adapters = Platforms.configured(env, serving::handle, serving.specs(),
                root.database().processedEvents(), root.runtime().kb(), root.database().conversations());
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(new Housekeeping(root.database().processedEvents(), root.database().questions(),
                root.database().conversations(), root.database().checkins(),
                Duration.ofDays(root.number(Setting.QUESTION_RETENTION, 180)), Clock.systemUTC()).start());
        List<PlatformAdapter> started = new ArrayList<>();
        for (PlatformAdapter adapter : adapters) {
            try {
                adapter.start();
                started.add(adapter);
                FunctionCounter.builder("mentor.platform.reconnects", adapter, PlatformAdapter::reconnects)
                        .tag("platform", adapter.name()).description("Connections re-established").register(registry);
                out.println(adapter.name() + ": connected");
                out.flush();
            } catch (PlatformException e) {
                err.println(adapter.name() + ": " + e.getMessage());
                started.forEach(PlatformAdapter::close);
                closeAll(resources);
                return MentorBotCli.EXIT_BAD_INPUT;
            }
        }
        if (root.flag(Setting.CHECKINS_ENABLED, false)) {
            resources.add(checkins(started, reloader, out));
        }
        String bind = adminBind == null ? "127.0.0.1" : adminBind;
        try {
            if (adminPort != null) {
                DatabaseProbe database = new DatabaseProbe(root.database()::ping, DatabaseProbe.DEFAULT_DEADLINE);
                resources.add(database);
                Optional<AdminToken> token = AdminToken.of(root.configuration().get(Setting.ADMIN_TOKEN));
                AdminServer admin = AdminServer.start(bind, adminPort,
                        () -> Health.checks(reloader.current(), started, serving, database), registry,
                        reloader::reload, token);
                resources.add(admin);
                out.println("admin: http://" + bind + ":" + admin.port() + " (/livez, /readyz, /metrics, POST /reload"
                        + (token.isPresent() ? ")" : " off: no MENTOR_BOT_ADMIN_TOKEN)"));
            }
        } catch (IOException | RuntimeException e) {
            err.println("Cannot open the admin port " + bind + ":" + adminPort + ": " + why(e)
                    + ". Pick another --admin-port, or check --admin-bind.");
            closeAll(resources);
            started.forEach(PlatformAdapter::close);
            return MentorBotCli.EXIT_BAD_INPUT;
        }
        if (watchContent) {
            List<Path> folders = ContentWatcher.watchable(MentorRuntime.folders(root.content, root.extraFolders()));
            if (folders.isEmpty()) {
                err.println("--watch-content: nothing to watch, the bundled content is inside the jar. Use "
                        + "--content or --extra-content with a folder on disk.");
            } else {
                try {
                    resources.add(ContentWatcher.start(folders, WATCH_QUIET, reloader::reload));
                    out.println("watching content: " + folders);
                } catch (IOException e) {
                    // Serving matters more than watching: say so and carry on; POST /reload still works.
                    err.println("--watch-content: cannot watch " + folders + ": " + why(e)
                            + ". Serving without watching.");
                }
            }
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop(serving, grace, started, resources);
            stopped.countDown();
        }, "mentor-bot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return 0;
    }

    /**
     * Weekly check-ins over the platforms that can send DMs, writing each one from the content in
     * force when it is sent (a reload changes the next check-in, not a running one).
     */
    private CheckinSchedule checkins(List<PlatformAdapter> started, ContentReloader reloader, PrintWriter out) {
        Database db = root.database();
        List<DirectMessages> senders = started.stream().flatMap(a -> a.directMessages().stream()).toList();
        int perMinute = root.number(Setting.CHECKINS_PER_MINUTE, 20);
        WeeklyCheckins checkins = WeeklyCheckins.over(db, () -> reloader.current().kb(), senders, Clock.systemUTC(),
                perMinute, Duration.ofMillis(60_000L / perMinute));
        out.println("weekly check-ins: on for members who opt in (" + senders.stream().map(DirectMessages::platform)
                .collect(java.util.stream.Collectors.joining(", ")) + "), at most " + perMinute + " a minute");
        return new CheckinSchedule(checkins).start();
    }

    /** The stop sequence: refuse new work, drain, disconnect, then close the rest and the database. */
    private void stop(ServingCore serving, Duration grace, List<PlatformAdapter> adapters, List<AutoCloseable> resources) {
        LOG.info("stopping: no new requests; waiting up to {} s for {} in flight", grace.toSeconds(), serving.inFlight());
        try {
            serving.drain(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        adapters.forEach(PlatformAdapter::close);
        closeAll(resources);
        root.close();
        LOG.info("stopped cleanly");
    }

    private static String why(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", r, e.toString());
            }
        }
    }
}
