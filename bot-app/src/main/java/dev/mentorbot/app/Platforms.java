package dev.mentorbot.app;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.discord.Choice;
import dev.mentorbot.discord.DiscordAdapter;
import dev.mentorbot.discord.DiscordSettings;
import dev.mentorbot.platform.PlatformAdapter;
import dev.mentorbot.slack.SlackAdapter;
import dev.mentorbot.slack.SlackSettings;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.ProcessedEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The platforms {@code run} starts: each one whose settings are present in the environment.
 * A new platform is one line here.
 */
final class Platforms {
    private Platforms() {
    }

    /**
     * The adapters the environment configures.
     *
     * @param env      environment variables (settings and secrets)
     * @param core     what answers members' requests
     * @param specs    the commands members can use
     * @param events   the processed-event store, to ignore platform retries of an event already handled
     * @param kb       the knowledge base, for the track and topic choices platforms offer
     * @param conversations the conversations' recent turns, for the threads the bot follows
     */
    static List<PlatformAdapter> configured(Map<String, String> env, Function<CommandRequest, Reply> core,
                                            List<CommandSpec> specs, ProcessedEvents events, KnowledgeBase kb,
                                            ConversationStore conversations) {
        List<PlatformAdapter> adapters = new ArrayList<>();
        if (DiscordSettings.configured(env)) {
            adapters.add(DiscordAdapter.fromEnv(env, core, specs, choices(kb), Optional.ofNullable(events),
                    Optional.ofNullable(conversations)));
        }
        if (SlackSettings.configured(env)) {
            adapters.add(SlackAdapter.fromEnv(env, core, specs, Optional.ofNullable(events),
                    Optional.ofNullable(conversations)));
        }
        return adapters;
    }

    /** The Discord adapter (also used by {@code discord register}). */
    static DiscordAdapter discord(Map<String, String> env, Function<CommandRequest, Reply> core,
                                  List<CommandSpec> specs, ProcessedEvents events, KnowledgeBase kb) {
        return DiscordAdapter.fromEnv(env, core, specs, choices(kb), Optional.ofNullable(events));
    }

    /** The tracks, topics and checklist items members can pick, from the content. */
    static Map<OptionSpec.Type, List<Choice>> choices(KnowledgeBase kb) {
        return Map.of(
                OptionSpec.Type.TRACK, kb.roadmaps().stream().map(r -> new Choice(r.id(), r.title())).toList(),
                OptionSpec.Type.TOPIC, kb.checklists().stream().map(c -> new Choice(c.id(), c.title())).toList(),
                OptionSpec.Type.ITEM, kb.checklists().stream().flatMap(c -> c.items().stream()
                        .map(i -> new Choice(c.id() + "/" + i.id(), i.text()))).toList(),
                OptionSpec.Type.SWITCH, List.of(new Choice("on", "on"), new Choice("off", "off")));
    }

    /** Whether the environment configures any platform; checked before anything slow is built. */
    static boolean anyConfigured(Map<String, String> env) {
        return DiscordSettings.configured(env) || SlackSettings.configured(env);
    }

    /** What to set to enable a platform, for the message shown when none is configured. */
    static String howToConfigure() {
        return "No chat platform is configured. Set DISCORD_TOKEN for Discord (" + DiscordSettings.PORTAL_STEP
                + "; see docs/discord.md), or for Slack SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) or "
                + "SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and --slack-http-port (HTTP mode; see docs/slack.md), "
                + "then run again. To try the bot without a platform, use the chat command.";
    }
}
