package dev.mentorbot.app.config;

import dev.mentorbot.state.JdbcUrls;
import java.util.List;

/** Masks credentials so a printed or logged value never reveals any character of one. */
public final class Secrets {
    /**
     * Slack's documented token type prefixes (bot, app-level, user): they say which kind of token is
     * set and are the same for everyone, so they may stay. Nothing else of a secret is shown: an
     * arbitrary "first few characters up to a dash" would reveal part of a Discord token or a
     * signing secret.
     */
    static final List<String> PUBLIC_PREFIXES = List.of("xoxb-", "xapp-", "xoxp-");

    private Secrets() {
    }

    /** Masks a secret: {@code ****}, after a documented prefix such as {@code xoxb-} if it has one. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        for (String prefix : PUBLIC_PREFIXES) {
            if (value.startsWith(prefix) && value.length() > prefix.length()) {
                return prefix + JdbcUrls.MASK;
            }
        }
        return JdbcUrls.MASK;
    }

    /** A URL (or a message holding one) with any password in it masked; the rest stays readable. */
    public static String maskInUrl(String value) {
        return JdbcUrls.redact(value);
    }

    /** Whether a URL carries a password, as user info or as a parameter. */
    public static boolean urlHoldsCredentials(String value) {
        return JdbcUrls.holdsCredentials(value);
    }
}
