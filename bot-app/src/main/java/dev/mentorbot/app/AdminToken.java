package dev.mentorbot.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The bearer token {@code POST /reload} requires ({@code admin.token},
 * {@code $MENTOR_BOT_ADMIN_TOKEN}). Without one configured, reload over HTTP is off: anyone who
 * can reach the port could otherwise make the bot rebuild its index over and over.
 */
final class AdminToken {
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    private AdminToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The token, or empty when none (or only blanks) is configured. */
    static Optional<AdminToken> of(Optional<String> configured) {
        return configured.map(String::strip).filter(t -> !t.isEmpty()).map(AdminToken::new);
    }

    /** Whether an {@code Authorization} header (may be null) carries this token. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // Constant time: how long a wrong guess takes must not tell how much of it was right.
        return MessageDigest.isEqual(token, given);
    }

    /** The header value that sends this token. */
    static String header(String token) {
        return BEARER + token.strip();
    }

    @Override
    public String toString() {
        return "AdminToken[****]";
    }
}
