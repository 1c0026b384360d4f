package dev.mentorbot.retrieval;

/**
 * How lexical and semantic evidence become one score, and where "I don't know" starts.
 * The numbers were calibrated on the project's own regression questions (see the content
 * module's tests); change them only with a measurement.
 *
 * @param semanticWeight share of the cosine similarity in the fused score (0 when lexical-only)
 * @param lexicalHalf    BM25 score that counts as half-certain: lexical evidence is
 *                       {@code bm25 / (bm25 + lexicalHalf)}
 * @param threshold      fused score below which the bot declines a question at the edge of its scope
 * @param minCoverage    share of the question's topic words the knowledge base must know
 * @param floor          the lowest threshold, for a question deep inside the scope
 * @param slope          how fast the threshold falls from {@code threshold} to {@code floor} as the
 *                       scope gate's margin grows beyond {@link ScopeGate#MARGIN}
 */
public record Calibration(double semanticWeight, double lexicalHalf, double threshold, double minCoverage,
                          double floor, double slope) {
    /**
     * Calibration for hybrid search (BM25 plus embeddings). With the scope gate deciding what a
     * question is about, the passage evidence only has to confirm that the content answers it: a
     * question far inside the scope needs less of it. This matters most for an ingested article,
     * which has no FAQ phrasings to match member wording ("math?", "degree?"). Measured on the
     * tuning set, bundled content and the source article alone: the score is flat for floors from
     * 0.18 to 0.22 and slopes from 0.5 to 2.
     */
    public static final Calibration HYBRID = new Calibration(0.6, 8.0, 0.30, 0.33, 0.20, 1.0);
    /** Calibration for lexical-only search (embeddings off, so no gate: the threshold is fixed). */
    public static final Calibration LEXICAL = new Calibration(0.0, 4.0, 0.22, 0.6, 0.22, 0.0);

    /** The fused score a question needs, given how far inside the scope the gate puts it. */
    public double threshold(ScopeGate.Verdict scope) {
        double inside = Math.max(0, scope.margin() - ScopeGate.MARGIN);
        return Math.max(floor, threshold - slope * inside);
    }

    /** Fuses raw evidence into a score in [0, 1]. */
    public double fuse(double bm25, double cosine) {
        double lexical = bm25 <= 0 ? 0 : bm25 / (bm25 + lexicalHalf);
        return semanticWeight * Math.max(0, cosine) + (1 - semanticWeight) * lexical;
    }
}
