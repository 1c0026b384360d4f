package dev.mentorbot.app;

import dev.mentorbot.discord.DiscordRequests;
import dev.mentorbot.slack.SlackText;
import dev.mentorbot.state.MemberId;

/**
 * Reads the member an admin names with {@code --member}, for support requests ("what do you store
 * about me?", "my progress is gone"): {@code slack:TEAM:USER}, {@code discord:GUILD:USER} or
 * {@code discord:USER} for someone who only used the bot in DMs. The ids are formed by the same
 * code the adapters use, so the lookup finds exactly what the platform stored.
 */
final class MemberLookup {
    static final String FORMAT = "slack:TEAM:USER, discord:GUILD:USER or discord:USER (DMs)";

    private MemberLookup() {
    }

    /** The member, or an {@link IllegalArgumentException} with a one-line reason. */
    static MemberId parse(String value) {
        String[] parts = value == null ? new String[0] : value.strip().split(":", -1);
        try {
            if (parts.length == 3 && parts[0].equals("slack") && !parts[1].isBlank() && !parts[2].isBlank()) {
                return SlackText.member(parts[1], parts[2]);
            }
            if (parts.length == 3 && parts[0].equals(DiscordRequests.PLATFORM) && !parts[2].isBlank()) {
                return DiscordRequests.member(parts[1], parts[2]);
            }
            if (parts.length == 2 && parts[0].equals(DiscordRequests.PLATFORM) && !parts[1].isBlank()) {
                return DiscordRequests.member(null, parts[1]);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--member '" + value + "' is not usable: " + e.getMessage());
        }
        throw new IllegalArgumentException("--member '" + value + "' is not a member id; use " + FORMAT + ".");
    }
}
