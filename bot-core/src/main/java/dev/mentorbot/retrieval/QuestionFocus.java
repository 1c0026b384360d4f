package dev.mentorbot.retrieval;

import dev.mentorbot.content.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the question in a long message. Members often tell their story first ("I'm 31, a QA
 * tester, been learning Python at night for a year. What could I make as an ML engineer?"); the
 * story's words (QA, tester, night) are unknown to the content and drown the question, so the
 * bot used to decline. The focus is the message's question sentences, or its last sentence when
 * none ends with a question mark. A short message is its own focus, unless it is a question with
 * a remark beside it ("do I need a PhD? my CV is attached"): then the question is the focus.
 *
 * <p>The story is not thrown away: {@link AnswerEngine} still asks the scope gate about the whole
 * message, so "I'm a nurse. How much would I make?" is not read as an ML salary question.
 */
final class QuestionFocus {
    /** Below this many words a message is one thought: nothing to focus. */
    static final int MIN_WORDS = 18;
    /** A short message with a question and a remark beside it ("do I need a PhD? my CV is attached"). */
    private static final Pattern SHORT_REMARK = Pattern.compile("\\?\\s+\\S|\\S[.!]\\s+\\S.*\\?");
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.!?])\\s+|\\s+(?=\\b(?:so|but|and now)\\b\\s+(?:what|how|is|are|do|does|can|should|which|when|will)\\b)",
            Pattern.CASE_INSENSITIVE);

    private QuestionFocus() {
    }

    /** The part of a cleaned message that asks the question. */
    static String of(String cleaned) {
        boolean longMessage = cleaned.split("\\s+").length >= MIN_WORDS;
        if (!longMessage && !SHORT_REMARK.matcher(cleaned).find()) {
            return cleaned;
        }
        List<String> parts = new ArrayList<>();
        for (String sentence : Sentences.split(cleaned)) {
            for (String clause : CLAUSE_END.split(sentence)) {
                if (!clause.isBlank()) {
                    parts.add(clause.strip());
                }
            }
        }
        if (parts.size() < 2) {
            return cleaned;
        }
        List<String> questions = parts.stream().filter(p -> p.endsWith("?")).toList();
        if (questions.isEmpty() && !longMessage) {
            return cleaned;
        }
        String focus = questions.isEmpty() ? parts.get(parts.size() - 1) : String.join(" ", questions);
        return focus.split("\\s+").length < 3 ? cleaned : focus;
    }
}
