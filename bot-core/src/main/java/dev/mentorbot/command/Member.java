package dev.mentorbot.command;

/**
 * Who is asking: a member is identified by platform, workspace (or guild) and user id.
 *
 * @param platform  {@code console}, {@code discord} or {@code slack}
 * @param workspace guild or workspace id ({@code local} on the console)
 * @param userId    the platform's user id
 */
public record Member(String platform, String workspace, String userId) {
    /** The default member of the console. */
    public static Member console(String user) {
        return new Member("console", "local", user);
    }
}
