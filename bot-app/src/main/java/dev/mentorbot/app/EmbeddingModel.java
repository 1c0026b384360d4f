package dev.mentorbot.app;

import dev.mentorbot.retrieval.Embedder;
import dev.mentorbot.retrieval.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence-embedding model, loaded once per process and reused by every content reload.
 *
 * <p>The model runs on native code (ONNX Runtime and DJL's tokenizer), which the jar ships for
 * linux-x64, linux-aarch64, macOS and windows-x64 only. Where it cannot load (another system, a
 * library missing or refused by the OS), the bot still answers with lexical search alone: one
 * warning says so, and the model is not tried again.
 */
final class EmbeddingModel {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingModel.class);

    /** The model bundled in the jar; its tokenizer's files go under the data directory, or a temporary folder. */
    static final EmbeddingModel BUNDLED =
            new EmbeddingModel(dir -> dir == null ? new MiniLmEmbedder() : new MiniLmEmbedder(dir));

    private final Function<Path, Embedder> loader;
    private Embedder model;
    private boolean unavailable;

    /** @param loader loads the model, given the data directory (null for a temporary folder) */
    EmbeddingModel(Function<Path, Embedder> loader) {
        this.loader = loader;
    }

    /** The model, loaded on first use; empty where it cannot load here. */
    synchronized Optional<Embedder> get(Path dataDirectory) {
        if (model == null && !unavailable) {
            try {
                model = loader.apply(dataDirectory);
            } catch (LinkageError | RuntimeException e) {
                // LinkageError: UnsatisfiedLinkError for a missing native, NoClassDefFoundError or
                // ExceptionInInitializerError when a native's loader failed in a static block.
                unavailable = true;
                LOG.warn("The embedding model cannot run on {} {} ({}): answering with lexical search only."
                        + " Use --lexical-only to skip the attempt.",
                        System.getProperty("os.name"), System.getProperty("os.arch").toLowerCase(Locale.ROOT),
                        reason(e));
            }
        }
        return Optional.ofNullable(model);
    }

    /** The innermost cause, on one line: that is the part that names the missing library. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
