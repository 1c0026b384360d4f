package dev.mentorbot.state;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes JDBC URLs safe to log and show: credentials can be written into a URL
 * ({@code //user:password@host} or {@code ?password=...}), and logs and screens get copied around.
 * A mask is {@value #MASK} and shows no character of the secret.
 */
public final class JdbcUrls {
    /** What stands in for a secret. */
    public static final String MASK = "****";
    /**
     * {@code //user:password@host}: the user info of the authority, up to the last {@code @} before
     * the path, so a password with an unencoded {@code @} is masked whole. No whitespace: the
     * pattern also runs over messages that merely contain a URL.
     */
    private static final Pattern USER_INFO = Pattern.compile("//([^/?#@\\s:]*):([^/?#\\s]*)@");
    /** {@code name=value} in the query, separated by {@code &} (or {@code ;}, which some drivers use). */
    private static final Pattern PARAMETER = Pattern.compile("([?&;])([^=&;#\\s]+)=([^&;#\\s]*)");

    private JdbcUrls() {
    }

    /**
     * Returns {@code text} (a URL, or a message holding one) with the password of any user info and
     * the values of secret-looking parameters replaced by {@value #MASK}; the user name stays.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutPassword = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                "//" + m.group(1) + ":" + MASK + "@"));
        Matcher m = PARAMETER.matcher(withoutPassword);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value = isSecret(name) && !m.group(3).isEmpty() ? MASK : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + name + "=" + value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Returns a host name as a driver reports it, with the password masked if the name is really
     * {@code user:password@host} (PostgreSQL's driver does not read user info, and quotes it).
     */
    public static String redactHost(String host) {
        if (host == null) {
            return null;
        }
        int at = host.lastIndexOf('@');
        int colon = host.indexOf(':');
        return at < 0 ? host : (colon >= 0 && colon < at ? host.substring(0, colon + 1) + MASK : MASK) + host.substring(at);
    }

    /** Whether {@code url} carries a secret: a password in its user info or a secret parameter. */
    public static boolean holdsCredentials(String url) {
        return url != null && !redact(url).equals(url);
    }

    private static boolean isSecret(String parameter) {
        String p = parameter.toLowerCase(Locale.ROOT);
        return p.contains("password") || p.contains("secret") || p.contains("token")
                || p.contains("key") || p.contains("credential");
    }
}
