package dev.mentorbot.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a question is about something the bot answers, by what it is about rather
 * than by the words it shares with the content. "How long does it take to learn Kotlin" shares
 * "how long" and "learn" with the content's study-time passages, and BM25 and even the passage
 * vectors find those passages close; but as a question it sits much nearer to "how long to learn
 * guitar" than to any question the content answers.
 *
 * <p>So the gate compares question with question, in embedding space: the questions the content
 * answers (every FAQ phrasing, every section heading) against a bank of questions it does not
 * answer ({@link ScopeBank}). A question is let through only when its nearest in-scope questions
 * are closer than its nearest out-of-scope ones by {@link #MARGIN}; otherwise it is declined
 * whatever the passages score.
 */
public final class ScopeGate {
    /**
     * How much closer the in-scope questions must be for the gate to let a question through.
     * Measured on the project's tuning set ({@code eval --by-category}): the score stays flat for
     * margins from 0.03 to 0.06, and 0.04 sits in that plateau. A tie is a near miss: the bank is written to sit close to the
     * content, so a question as close to "how long to learn guitar" as to any question the
     * content answers is rarely one the content answers.
     */
    static final double MARGIN = 0.04;
    /** Exemplars averaged on each side: one stray exemplar should not decide alone. */
    static final int NEIGHBOURS = 3;

    private final float[][] inScope;
    private final List<String> inTexts;
    private final float[][] outOfScope;
    private final List<String> outTexts;

    private ScopeGate(List<String> inTexts, float[][] inScope, List<String> outTexts, float[][] outOfScope) {
        this.inTexts = List.copyOf(inTexts);
        this.inScope = inScope;
        this.outTexts = List.copyOf(outTexts);
        this.outOfScope = outOfScope;
    }

    /** A gate that lets every question through (lexical-only search has no vectors to compare). */
    public static ScopeGate open() {
        return new ScopeGate(List.of(), new float[0][], List.of(), new float[0][]);
    }

    /**
     * Embeds both sides.
     *
     * @param inTexts  questions the content answers
     * @param outTexts questions it does not answer
     */
    static ScopeGate build(List<String> inTexts, List<String> outTexts, Embedder embedder) {
        return new ScopeGate(inTexts, normalized(embedder.embedAll(inTexts)), outTexts,
                normalized(embedder.embedAll(outTexts)));
    }

    /** Whether the gate has exemplars on both sides (otherwise it always says in scope). */
    public boolean active() {
        return inScope.length > 0 && outOfScope.length > 0;
    }

    /**
     * Judges a question.
     *
     * @param question the question's embedding, or null when there is none
     */
    public Verdict judge(float[] question) {
        if (!active() || question == null) {
            return new Verdict(true, 0, 0, "", "");
        }
        float[] q = normalized(question);
        Nearest in = nearest(q, inScope);
        Nearest out = nearest(q, outOfScope);
        boolean inScopeVerdict = in.similarity - MARGIN > out.similarity;
        return new Verdict(inScopeVerdict, in.similarity, out.similarity, inTexts.get(in.index), outTexts.get(out.index));
    }

    private static Nearest nearest(float[] q, float[][] exemplars) {
        double[] top = new double[NEIGHBOURS];
        java.util.Arrays.fill(top, -1);
        int best = 0;
        for (int i = 0; i < exemplars.length; i++) {
            double s = dot(q, exemplars[i]);
            if (s > top[0]) {
                best = i;
            }
            for (int k = 0; k < top.length; k++) {
                if (s > top[k]) {
                    System.arraycopy(top, k, top, k + 1, top.length - k - 1);
                    top[k] = s;
                    break;
                }
            }
        }
        double sum = 0;
        int n = 0;
        for (double t : top) {
            if (t > -1) {
                sum += t;
                n++;
            }
        }
        return new Nearest(n == 0 ? 0 : sum / n, best);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static float[][] normalized(List<float[]> vectors) {
        List<float[]> out = new ArrayList<>();
        for (float[] v : vectors) {
            out.add(normalized(v));
        }
        return out.toArray(float[][]::new);
    }

    private static float[] normalized(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }

    private record Nearest(double similarity, int index) {
    }

    /**
     * The gate's decision about one question.
     *
     * @param inScope       whether the question is about something the content answers
     * @param inSimilarity  mean similarity of the nearest in-scope questions
     * @param outSimilarity mean similarity of the nearest out-of-scope questions
     * @param nearestIn     the closest in-scope question
     * @param nearestOut    the closest out-of-scope question
     */
    public record Verdict(boolean inScope, double inSimilarity, double outSimilarity, String nearestIn,
                          String nearestOut) {
        /** How much closer the in-scope questions are than the out-of-scope ones (0 without a gate). */
        public double margin() {
            return inSimilarity - outSimilarity;
        }

        /** One line for {@code explain}. */
        public String describe() {
            return String.format(Locale.ROOT, "scope: %s (in %.3f \"%s\", out %.3f \"%s\")",
                    inScope ? "in" : "OUT", inSimilarity, nearestIn, outSimilarity, nearestOut);
        }
    }
}
