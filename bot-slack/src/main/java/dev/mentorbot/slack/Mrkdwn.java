package dev.mentorbot.slack;

/** Slack's mrkdwn text rules: the three characters that must be escaped, and trimming to limits. */
public final class Mrkdwn {
    private Mrkdwn() {
    }

    /**
     * Escapes {@code &}, {@code <} and {@code >}, so member or content text can never become a
     * {@code <!channel>}, {@code <!here>}, a user ping or a link.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Reverses Slack's escaping of incoming text (Slack sends {@code &lt;} for a typed {@code <}). */
    public static String unescape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Trims to at most {@code max} characters, ending with an ellipsis when cut, and never in the
     * middle of an escape sequence or a surrogate pair.
     */
    public static String trim(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        int amp = text.lastIndexOf('&', end);
        if (amp >= 0 && amp > end - 6 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
