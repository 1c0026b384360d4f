package dev.mentorbot.app;

import dev.mentorbot.discord.DiscordAdapter;
import dev.mentorbot.discord.DiscordInvite;
import dev.mentorbot.discord.DiscordSettings;
import dev.mentorbot.platform.PlatformException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code discord register} and {@code discord invite}: the one-time Discord set-up steps. */
@Command(name = "discord", mixinStandardHelpOptions = true,
        description = "Discord set-up: register the slash commands, print the invite URL.",
        subcommands = {DiscordCli.Register.class, DiscordCli.Invite.class})
final class DiscordCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Registers the slash commands, in one guild (instant) or globally (may take up to an hour to show). */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register the slash commands (uses DISCORD_TOKEN).")
    static final class Register implements Callable<Integer> {
        @ParentCommand
        DiscordCli discord;

        @Option(names = "--guild", paramLabel = "ID",
                description = "Register in this server only (shows at once; for testing). Default: globally.")
        String guild;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = discord.spec.commandLine().getOut();
            PrintWriter err = discord.spec.commandLine().getErr();
            Map<String, String> env = discord.root.configuration().environment();
            if (!DiscordSettings.configured(env)) {
                err.println(DiscordSettings.TOKEN + " is not set. " + DiscordSettings.PORTAL_STEP + " into "
                        + DiscordSettings.TOKEN + ".");
                return MentorBotCli.EXIT_BAD_INPUT;
            }
            MentorBotCli root = discord.root;
            try (DiscordAdapter adapter = Platforms.discord(env, root.commands()::handle, root.commands().specs(), null,
                    root.runtime().kb())) {
                adapter.start();
                int n = adapter.registerCommands(Optional.ofNullable(guild));
                out.println("Registered " + n + " slash commands " + (guild == null
                        ? "globally (Discord may take up to an hour to show them everywhere)." : "in guild " + guild + "."));
                return 0;
            } catch (PlatformException e) {
                err.println("discord: " + e.getMessage());
                return MentorBotCli.EXIT_BAD_INPUT;
            }
        }
    }

    /** Prints the invite URL with exactly the scopes and permissions needed. */
    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = "Print the URL that adds the bot to a server.")
    static final class Invite implements Callable<Integer> {
        @ParentCommand
        DiscordCli discord;

        @Option(names = "--client-id", paramLabel = "ID",
                description = "The application id (default: $DISCORD_APPLICATION_ID, else read from DISCORD_TOKEN).")
        String clientId;

        @Override
        public Integer call() {
            PrintWriter out = discord.spec.commandLine().getOut();
            PrintWriter err = discord.spec.commandLine().getErr();
            Map<String, String> env = discord.root.configuration().environment();
            Optional<String> id = Optional.ofNullable(clientId)
                    .or(() -> Optional.ofNullable(env.get(DiscordSettings.APPLICATION_ID)))
                    .map(String::strip).filter(s -> !s.isEmpty())
                    .or(() -> DiscordInvite.applicationIdOf(env.get(DiscordSettings.TOKEN)));
            if (id.isEmpty() || !id.get().matches("\\d{15,20}")) {
                err.println("No application id: pass --client-id (Developer Portal, your application, General "
                        + "Information, Application ID), set " + DiscordSettings.APPLICATION_ID + ", or set "
                        + DiscordSettings.TOKEN + ".");
                return MentorBotCli.EXIT_BAD_INPUT;
            }
            out.println(DiscordInvite.url(id.get()));
            return 0;
        }
    }
}
