package dev.mentorbot.retrieval;

import dev.mentorbot.content.Sentences;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Keeps an answer short: a long paragraph (typical of an ingested article) is cut to the run of
 * whole sentences that shares the most words with the question, so the member reads the part
 * that answers them rather than a wall of text.
 */
final class PassageTrimmer {
    static final int MAX_CHARS = 700;

    private final Analyzer analyzer;

    PassageTrimmer(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Cuts a passage to at most {@code maxChars}, keeping the sentences that match the question. */
    String trim(String text, String question, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        String[] sentences = Sentences.split(text).toArray(String[]::new);
        Set<String> wanted = terms(question);
        int bestStart = 0;
        int bestEnd = 1;
        double bestScore = -1;
        for (int start = 0; start < sentences.length; start++) {
            int length = 0;
            Set<String> seen = new HashSet<>();
            for (int end = start; end < sentences.length; end++) {
                length += sentences[end].length() + 1;
                if (length > maxChars && end > start) {
                    break;
                }
                Set<String> t = terms(sentences[end]);
                t.retainAll(wanted);
                seen.addAll(t);
                // Prefer covering more question words; among equals, the earlier and shorter run.
                double score = seen.size() - 0.001 * start - 0.0001 * (end - start);
                if (score > bestScore) {
                    bestScore = score;
                    bestStart = start;
                    bestEnd = end + 1;
                }
            }
        }
        String joined = String.join(" ", List.of(sentences).subList(bestStart, bestEnd));
        if (joined.length() > maxChars) {
            int cut = joined.lastIndexOf(' ', maxChars - 1);
            joined = joined.substring(0, cut > 0 ? cut : maxChars - 1) + "…";
        }
        return joined;
    }

    private Set<String> terms(String text) {
        return AnalyzedTerms.of(analyzer, text);
    }
}
