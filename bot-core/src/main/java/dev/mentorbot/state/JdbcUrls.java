package dev.mentorbot.state;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes JDBC URLs safe to log: credentials can be written into a URL, and logs get copied around. */
final class JdbcUrls {
    /** {@code //user:password@host}: the user info part of the authority. */
    private static final Pattern USER_INFO = Pattern.compile("//[^/?#@]*@");
    /** {@code name=value} in the query, separated by {@code &}. */
    private static final Pattern PARAMETER = Pattern.compile("([?&;])([^=&;#]+)=([^&;#]*)");

    private JdbcUrls() {
    }

    /** Returns {@code url} without user info and with the values of secret-looking parameters hidden. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        String withoutUser = USER_INFO.matcher(url).replaceFirst("//");
        Matcher m = PARAMETER.matcher(withoutUser);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value = isSecret(name) ? "***" : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + name + "=" + value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isSecret(String parameter) {
        String p = parameter.toLowerCase(Locale.ROOT);
        return p.contains("password") || p.contains("secret") || p.contains("token")
                || p.contains("key") || p.contains("credential");
    }
}
