package dev.mentorbot.slack;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.CommandText;
import dev.mentorbot.command.Surface;
import dev.mentorbot.state.MemberId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What members type, as core requests: {@code /mentor} text, an {@code @mentor} mention or a DM.
 * Slack's entities are unescaped and mentions removed here; the words are read by the core's one
 * {@link CommandText} ({@code /mentor ask how do I start} and {@code /mentor how do I start} both
 * ask, {@code /mentor roadmap from-zero} fills the options), as typed on {@link Surface#SLACK}.
 */
public final class SlackText {
    /** The platform name in {@link MemberId}s. */
    static final String PLATFORM = "slack";
    /** Longest text passed on to the core; longer input is cut (Slack allows 40,000 characters). */
    static final int MAX_TEXT = 4000;
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final CommandText syntax;

    public SlackText(List<CommandSpec> specs) {
        this.syntax = new CommandText(specs);
    }

    /** The member a Slack user is; a missing team id (rare org-wide payloads) becomes {@code unknown}. */
    public static MemberId member(String teamId, String userId) {
        return new MemberId(PLATFORM, teamId == null || teamId.isBlank() ? "unknown" : teamId, userId);
    }

    /** The request for the text after {@code /mentor}, outside any conversation. */
    public CommandRequest slash(String text, MemberId member) {
        return slash(text, member, "");
    }

    /**
     * The request for the text after {@code /mentor}.
     *
     * @param conversation the conversation it belongs to ({@link SlackConversation}), or empty
     */
    public CommandRequest slash(String text, MemberId member, String conversation) {
        return syntax.parse(clean(text), member, conversation, Surface.SLACK);
    }

    /**
     * The request for a mention or a DM: the bot's own mention is removed, then it reads like
     * {@code /mentor} text (so {@code @mentor roadmap} works too).
     */
    public CommandRequest message(String text, MemberId member) {
        return message(text, member, "");
    }

    /** The request for a mention or a DM in a conversation ({@link SlackConversation}). */
    public CommandRequest message(String text, MemberId member, String conversation) {
        String withoutMentions = MENTION.matcher(text == null ? "" : text).replaceAll(" ");
        return slash(withoutMentions, member, conversation);
    }

    /** Whether a message's text mentions this user ({@code <@U123>} or {@code <@U123|name>}). */
    static boolean mentions(String text, String userId) {
        return text != null && userId != null && !userId.isEmpty()
                && (text.contains("<@" + userId + ">") || text.contains("<@" + userId + "|"));
    }

    /** Unescapes Slack's entities, collapses whitespace and bounds the length. */
    static String clean(String text) {
        String unescaped = Mrkdwn.unescape(text == null ? "" : text);
        String collapsed = SPACE.matcher(unescaped).replaceAll(" ").strip();
        if (collapsed.length() > MAX_TEXT) {
            collapsed = collapsed.substring(0, MAX_TEXT);
            if (Character.isHighSurrogate(collapsed.charAt(collapsed.length() - 1))) {
                collapsed = collapsed.substring(0, collapsed.length() - 1);
            }
        }
        return collapsed;
    }
}
