package dev.mentorbot.slack;

import java.util.Optional;

/**
 * The Slack app manifest (YAML) an admin pastes into "Create New App > From a manifest": the bot
 * user, the {@code /mentor} command, the events and the interactivity the bot uses, and exactly the
 * scopes they need. Socket Mode by default; with a request URL, HTTP mode.
 */
public final class SlackManifest {
    /** The bot scopes: slash command, mentions, DMs (read and answer), posting answers. */
    static final String[] SCOPES = {"app_mentions:read", "chat:write", "commands", "im:history"};
    /**
     * What thread follow-ups add: replies without a mention reach the bot only as message events
     * of public ({@code channels:history}) and private ({@code groups:history}) channels.
     */
    static final String[] FOLLOW_UP_SCOPES = {"channels:history", "groups:history"};
    static final String[] FOLLOW_UP_EVENTS = {"message.channels", "message.groups"};

    private SlackManifest() {
    }

    /** The manifest with thread follow-ups on, the default. */
    public static String yaml(Optional<String> httpUrl) {
        return yaml(httpUrl, true);
    }

    /**
     * The manifest.
     *
     * @param httpUrl the public URL Slack posts to (e.g. {@code https://bot.example.org/slack/events});
     *                empty for Socket Mode
     * @param threadFollowUps whether the bot answers thread replies without a mention: only then does
     *                it ask to read channel messages (Slack shows admins every scope, so none extra)
     */
    public static String yaml(Optional<String> httpUrl, boolean threadFollowUps) {
        String url = httpUrl.map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        StringBuilder y = new StringBuilder();
        y.append("display_information:\n")
                .append("  name: mentor\n")
                .append("  description: Career mentor for becoming an ML or deep learning engineer, with sources.\n")
                .append("  background_color: \"#2c2d30\"\n")
                .append("features:\n")
                .append("  app_home:\n")
                .append("    home_tab_enabled: true\n")
                .append("    messages_tab_enabled: true\n")
                .append("    messages_tab_read_only_enabled: false\n")
                .append("  bot_user:\n")
                .append("    display_name: mentor\n")
                .append("    always_online: true\n")
                .append("  slash_commands:\n")
                .append("    - command: /mentor\n")
                .append("      description: Ask about ML careers, roadmaps and checklists\n")
                .append("      usage_hint: \"[ask] <question> | roadmap [track] | checklist [topic] | progress | help\"\n")
                .append("      should_escape: false\n");
        if (url != null) {
            y.append("      url: ").append(url).append('\n');
        }
        y.append("oauth_config:\n")
                .append("  scopes:\n")
                .append("    bot:\n");
        for (String scope : SCOPES) {
            y.append("      - ").append(scope).append('\n');
        }
        if (threadFollowUps) {
            for (String scope : FOLLOW_UP_SCOPES) {
                y.append("      - ").append(scope).append('\n');
            }
        }
        y.append("settings:\n")
                .append("  event_subscriptions:\n");
        if (url != null) {
            y.append("    request_url: ").append(url).append('\n');
        }
        y.append("    bot_events:\n")
                .append("      - app_home_opened\n")
                .append("      - app_mention\n")
                .append("      - message.im\n");
        if (threadFollowUps) {
            for (String event : FOLLOW_UP_EVENTS) {
                y.append("      - ").append(event).append('\n');
            }
        }
        y.append("  interactivity:\n")
                .append("    is_enabled: true\n");
        if (url != null) {
            y.append("    request_url: ").append(url).append('\n');
        }
        y.append("  org_deploy_enabled: false\n")
                .append("  socket_mode_enabled: ").append(url == null).append('\n')
                .append("  token_rotation_enabled: false\n");
        return y.toString();
    }
}
