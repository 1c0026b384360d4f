package dev.mentorbot.app.config;

/** Masks credentials so a printed or logged value never reveals one. */
public final class Secrets {
    private Secrets() {
    }

    /**
     * Masks a secret: a short type prefix such as {@code xoxb-} or {@code xapp-} survives, since it
     * helps tell which token is set; everything else becomes {@code ****}.
     */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int dash = value.indexOf('-');
        return dash > 0 && dash <= 4 ? value.substring(0, dash + 1) + "****" : "****";
    }
}
