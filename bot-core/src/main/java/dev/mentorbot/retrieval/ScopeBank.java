package dev.mentorbot.retrieval;

import dev.mentorbot.content.OutOfScopeQuestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bundled banks that describe mentor-bot's scope, beside this class: {@code in-scope.txt},
 * questions about ML and DL engineering careers as members ask them, and {@code out-of-scope.txt},
 * off-topic near misses that share words with such content. They describe the bot's subject, not
 * one knowledge base, so they apply to an admin's own content too: an ingested article has only
 * its headings to say what it answers.
 */
public final class ScopeBank {
    static final String IN_SCOPE = "in-scope.txt";
    static final String OUT_OF_SCOPE = "out-of-scope.txt";
    private static final List<String> IN = load(IN_SCOPE);
    private static final List<String> OUT = load(OUT_OF_SCOPE);

    private ScopeBank() {
    }

    /** Questions within the bot's subject, in file order. */
    public static List<String> inScope() {
        return IN;
    }

    /** Questions the bot declines, in file order. */
    public static List<String> outOfScope() {
        return OUT;
    }

    private static List<String> load(String resource) {
        try (InputStream in = ScopeBank.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + resource + " is missing from the classpath");
            }
            return OutOfScopeQuestions.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
