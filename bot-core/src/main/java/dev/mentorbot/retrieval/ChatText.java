package dev.mentorbot.retrieval;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Removes what chat platforms add around a question before it is searched: user, role and
 * channel mentions ({@code <@123>}, {@code <@U123>}, {@code <!here>}, and Discord's plain
 * {@code @everyone} and {@code @here}), custom and Unicode emoji, links, greetings and thanks. What remains is the
 * question itself, or an empty string when there was none.
 */
public final class ChatText {
    /** Questions longer than this are cut: nobody asks a career question in more words. */
    public static final int MAX_CHARS = 1_000;

    private static final Pattern DISCORD_MENTION = Pattern.compile("<(@[!&]?|#)\\d+>");
    private static final Pattern SLACK_MENTION = Pattern.compile("<[@#!][^>\\s]*>");
    /** Discord's everyone and here mentions are plain text, not markup in angle brackets. */
    private static final Pattern EVERYONE = Pattern.compile("(?<![\\w@])@(?:everyone|here)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CUSTOM_EMOJI = Pattern.compile("<a?:\\w+:\\d+>|:[a-z0-9_+\\-]{2,}:");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern SYMBOLS = Pattern.compile("[\\p{So}\\p{Sk}\\p{Cs}\\p{Co}]");
    private static final Pattern GREETING = Pattern.compile(
            "^(?:(?:hi|hello|hey|heya|hiya|yo|howdy|greetings|good (?:morning|afternoon|evening)|dear bot|bot|mentor"
                    + "|thanks|thank you|thx|please|pls|plz|ok|okay|so)\\b"
                    + "(?:\\s+(?:there|all|everyone|folks|guys|team|bot|mentor)\\b)?[\\s,!.:;-]*)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THANKS = Pattern.compile(
            "(?:\\b(?:thanks|thank you|thx|ty|tia|cheers|please|pls|plz)(?: (?:so much|a lot|in advance))?[\\s,!.;-]*)+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

    private ChatText() {
    }

    /**
     * Cleans one chat message.
     *
     * @param message raw text as the platform delivered it; may be null
     * @return the question without chat noise, trimmed; empty when nothing is left
     */
    public static String clean(String message) {
        if (message == null) {
            return "";
        }
        String s = message.length() > 4 * MAX_CHARS ? message.substring(0, 4 * MAX_CHARS) : message;
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = DISCORD_MENTION.matcher(s).replaceAll(" ");
        s = SLACK_MENTION.matcher(s).replaceAll(" ");
        s = EVERYONE.matcher(s).replaceAll(" ");
        s = CUSTOM_EMOJI.matcher(s).replaceAll(" ");
        s = URL.matcher(s).replaceAll(" ");
        s = CONTROL.matcher(s).replaceAll(" ");
        s = SYMBOLS.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = GREETING.matcher(s).replaceFirst("");
        s = THANKS.matcher(s).replaceFirst("");
        s = s.strip();
        if (!HAS_WORD.matcher(s).find()) {
            return ""; // only punctuation, symbols or combining marks: there is no question
        }
        if (s.length() > MAX_CHARS) {
            int cut = s.lastIndexOf(' ', MAX_CHARS);
            s = s.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
        }
        return s;
    }
}
