package dev.mentorbot.retrieval;

import java.util.List;

/** Turns text into a sentence embedding, so that questions match passages by meaning. */
public interface Embedder {
    /** Length of every vector this embedder returns. */
    int dimension();

    /** Embeds one text. */
    float[] embed(String text);

    /** Embeds many texts; implementations may do it in parallel. */
    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
