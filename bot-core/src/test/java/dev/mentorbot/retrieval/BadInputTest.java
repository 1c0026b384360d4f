package dev.mentorbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mentorbot.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Randomized bad input: thousands of strings built from the pieces that break search engines
 * (query syntax, control characters, emoji, RTL scripts, mentions, huge text). Every one must
 * get a well-formed answer or decline, never an exception.
 */
class BadInputTest {
    private static final String[] PIECES = {
            "AND", "OR", "NOT", "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "\\", "/", "\"", "+", "-",
            "&&", "||", "!", "salary", "pay", "DL", "phd", "kaggle", "\u0000", "\u0007", "\u001b[31m", "\t", "\n",
            "\r\n", "\u202E", "\u200B", "\uFEFF", "🤖", "🙏🏽", "👩‍💻", "\uD83D", "\uDE00", "مرحبا كيف حالك", "שלום",
            "你好", "<@123456789>", "<@U012ABC>", "<!channel>", "<#C1|general>", ":smile:", "<a:x:1>", "http://x.y/z",
            "'; DROP TABLE x; --", "%s%n", "${jndi:ldap://x}", "     ", "é", "ñ", "ß", "İ", "\u0301", "0", "-1",
            "1e309", "NaN", "a".repeat(300)};

    @Test
    void thousandsOfNastyStringsNeverThrow() {
        Random random = new Random(20261123L);
        List<String> inputs = new ArrayList<>(List.of("", " ", "\n\n", "🤖", "<@123456789>", "?", "\"", "*:*",
                "AND OR NOT ( ) [ ] { } * ? ~ ^ : \\ / \"", "x".repeat(100_000), "salary ".repeat(15_000)));
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int j = 0; j < n; j++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextBoolean()) {
                    sb.append(' ');
                }
            }
            inputs.add(sb.toString());
        }
        for (AnswerEngine engine : List.of(Fixtures.hybrid(), Fixtures.lexical())) {
            for (String input : inputs) {
                assertThatCode(() -> {
                    Answer a = engine.answer(input);
                    assertThat(a.text()).isNotBlank();
                    assertThat(a.answered()).isEqualTo(!a.sources().isEmpty());
                    assertThat(a.text().length()).isLessThanOrEqualTo(PassageTrimmer.MAX_CHARS + 400);
                }).as("input %s", input.length() > 80 ? input.substring(0, 80) + "..." : input).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void nullQuestionIsTreatedAsEmpty() {
        assertThat(Fixtures.lexical().answer(null).answered()).isFalse();
    }
}
