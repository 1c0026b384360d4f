package dev.mentorbot.app;

import dev.mentorbot.slack.SlackManifest;
import dev.mentorbot.slack.SlackSettings;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slack}: Slack set-up helpers. */
@Command(name = "slack", mixinStandardHelpOptions = true, description = "Slack set-up helpers.",
        subcommands = {SlackCli.Manifest.class})
final class SlackCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code slack manifest}: the app manifest to paste into "Create New App > From a manifest". */
    @Command(name = "manifest", mixinStandardHelpOptions = true,
            description = "Print the Slack app manifest (YAML): Socket Mode, or HTTP with --http-url. "
                    + "Thread follow-ups (slack.thread-follow-ups) add the channel message events and scopes.")
    static final class Manifest implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @ParentCommand
        SlackCli slack;

        @Option(names = "--http-url", paramLabel = "URL",
                description = "Public URL Slack posts to in HTTP mode, e.g. https://bot.example.org/slack/events.")
        String httpUrl;

        @Override
        public Integer call() {
            if (httpUrl != null && !httpUrl.strip().startsWith("https://")) {
                spec.commandLine().getErr().println("--http-url must be an https:// URL (Slack only posts to HTTPS), "
                        + "e.g. https://bot.example.org/slack/events.");
                return MentorBotCli.EXIT_BAD_INPUT;
            }
            // The scopes follow slack.thread-follow-ups: an app that does not read channels asks for no access to them.
            boolean followUps = SlackSettings.threadFollowUps(slack.root.configuration().environment());
            spec.commandLine().getOut().print(SlackManifest.yaml(Optional.ofNullable(httpUrl), followUps));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
