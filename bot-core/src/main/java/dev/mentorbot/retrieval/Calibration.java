package dev.mentorbot.retrieval;

/**
 * How lexical and semantic evidence become one score, and where "I don't know" starts.
 * The numbers were calibrated on the project's own regression questions (see the content
 * module's tests); change them only with a measurement.
 *
 * @param semanticWeight share of the cosine similarity in the fused score (0 when lexical-only)
 * @param lexicalHalf    BM25 score that counts as half-certain: lexical evidence is
 *                       {@code bm25 / (bm25 + lexicalHalf)}
 * @param threshold      fused score below which the bot declines
 * @param minCoverage    share of the question's topic words the knowledge base must know
 */
public record Calibration(double semanticWeight, double lexicalHalf, double threshold, double minCoverage) {
    /** Calibration for hybrid search (BM25 plus embeddings). */
    public static final Calibration HYBRID = new Calibration(0.6, 8.0, 0.30, 0.6);
    /** Calibration for lexical-only search (embeddings off). */
    public static final Calibration LEXICAL = new Calibration(0.0, 4.0, 0.22, 0.6);

    /** Fuses raw evidence into a score in [0, 1]. */
    public double fuse(double bm25, double cosine) {
        double lexical = bm25 <= 0 ? 0 : bm25 / (bm25 + lexicalHalf);
        return semanticWeight * Math.max(0, cosine) + (1 - semanticWeight) * lexical;
    }
}
