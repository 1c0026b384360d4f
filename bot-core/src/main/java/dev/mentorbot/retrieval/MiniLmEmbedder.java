package dev.mentorbot.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized), which ships inside the jar and runs
 * offline through ONNX Runtime: no download, no network, no paid API.
 */
public final class MiniLmEmbedder implements Embedder {
    /** Identifies the model in embedding caches: vectors of another model are never mixed in. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q/langchain4j-embeddings-1.19.0-beta29";
    /** Length of its vectors. */
    public static final int DIMENSION = 384;

    private final EmbeddingModel model;

    /** Loads the bundled model (about half a second). */
    public MiniLmEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** Loads the bundled model, embedding batches on the given executor. */
    public MiniLmEmbedder(Executor executor) {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }
}
