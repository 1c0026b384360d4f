package dev.mentorbot.state;

/**
 * Who a member is: the same person on two platforms (or in two Discord guilds) is two members,
 * because nothing links the accounts and the bot must not guess.
 *
 * @param platform  the chat platform, e.g. {@code discord}, {@code slack}, {@code console}
 * @param workspace the Slack workspace or Discord guild id; the console uses a fixed local name
 * @param userId    the platform's user id (not a display name, which can change)
 */
public record MemberId(String platform, String workspace, String userId) {
    /** Validates every part: non-blank, bounded length, no control characters. */
    public MemberId {
        Checks.text("platform", platform, Checks.PLATFORM_MAX);
        Checks.text("workspace", workspace, Checks.MEMBER_PART_MAX);
        Checks.text("userId", userId, Checks.MEMBER_PART_MAX);
    }

    /** A member of the local console, where the workspace is this machine. */
    public static MemberId console(String user) {
        return new MemberId("console", "local", user);
    }
}
