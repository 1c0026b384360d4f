package dev.mentorbot.retrieval;

/**
 * A passage found for a question, with the evidence for it.
 *
 * @param passage  the passage
 * @param lexical  BM25 score (0 when the lexical side did not find it)
 * @param semantic cosine similarity of the best of its vectors to the question (0 when off)
 * @param score    fused score in [0, 1]: what ranking and the "I don't know" threshold use
 */
public record Hit(Passage passage, double lexical, double semantic, double score) {
}
