package dev.mentorbot.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized), which ships inside the jar and runs
 * offline through ONNX Runtime: no download, no network, no paid API.
 *
 * <p>The model files are the ones langchain4j bundles; the ONNX session is opened here with one
 * thread per call instead of the default pool of all cores. A question is a few dozen tokens:
 * splitting that work across threads costs more in hand-offs than it saves, and when several
 * members ask at once, per-call pools fight over the cores and the slowest answers get slower.
 *
 * <p>The tokenizer comes from DJL, which would otherwise reach for the network and the home
 * directory: {@link DjlSettings} is applied before the first DJL class runs.
 */
public final class MiniLmEmbedder implements Embedder {
    /** Identifies the model in embedding caches: vectors of another model are never mixed in. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q/langchain4j-embeddings-1.19.0-beta29";
    /** Length of its vectors. */
    public static final int DIMENSION = 384;

    private final Model model;

    /**
     * Loads the bundled model (about half a second). DJL's files go to a temporary folder removed
     * at exit, unless {@link DjlSettings#cacheUnder} chose a folder before.
     */
    public MiniLmEmbedder() {
        DjlSettings.ensure();
        this.model = new Model(load());
    }

    /** Loads the bundled model, keeping DJL's files under {@code dataDirectory} (see {@link DjlSettings#cacheUnder}). */
    public MiniLmEmbedder(Path dataDirectory) {
        DjlSettings.cacheUnder(dataDirectory);
        this.model = new Model(load());
    }

    private static OnnxBertBiEncoder load() {
        try (InputStream onnx = resource("all-minilm-l6-v2-q.onnx");
             InputStream tokenizer = resource("all-minilm-l6-v2-q-tokenizer.json")) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the bundled embedding model", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException("the embedding model file " + name + " is missing from the classpath");
        }
        return in;
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

    /** langchain4j's in-process model (batching, pooling) over our own session. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
