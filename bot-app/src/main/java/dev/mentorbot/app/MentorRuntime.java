package dev.mentorbot.app;

import dev.mentorbot.content.ContentException;
import dev.mentorbot.content.ContentLimits;
import dev.mentorbot.content.ContentLoader;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.EmbeddingCache;
import dev.mentorbot.retrieval.Embedder;
import dev.mentorbot.retrieval.KnowledgeIndex;
import dev.mentorbot.retrieval.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The knowledge side of the core, assembled: content loaded, index built, engine ready. Built
 * once per process from the global options; safe to share between threads.
 *
 * @param kb           the knowledge base
 * @param index        the search index
 * @param engine       the answer engine
 * @param buildMillis  time taken to load content and build the index
 */
public record MentorRuntime(KnowledgeBase kb, KnowledgeIndex index, AnswerEngine engine, long buildMillis) {

    /**
     * Builds the core; the tokenizer's files, if the embeddings are on, go to a temporary folder.
     *
     * @param content      when set, use only this folder instead of the bundled content
     * @param extraContent folders added to the content
     * @param lexicalOnly  turn the sentence embeddings off
     */
    public static MentorRuntime start(Path content, List<Path> extraContent, boolean lexicalOnly)
            throws ContentException {
        return start(content, extraContent, lexicalOnly, null);
    }

    /**
     * Builds the core.
     *
     * @param content       when set, use only this folder instead of the bundled content
     * @param extraContent  folders added to the content
     * @param lexicalOnly   turn the sentence embeddings off
     * @param dataDirectory the bot's data directory, where the tokenizer keeps its files; null for
     *                      a temporary folder
     */
    public static MentorRuntime start(Path content, List<Path> extraContent, boolean lexicalOnly, Path dataDirectory)
            throws ContentException {
        return start(content, extraContent, lexicalOnly, dataDirectory, ContentLimits.DEFAULTS, EmbeddingModel.BUNDLED);
    }

    /**
     * Builds the core, refusing content beyond {@code limits}.
     *
     * @see #start(Path, List, boolean, Path)
     */
    public static MentorRuntime start(Path content, List<Path> extraContent, boolean lexicalOnly, Path dataDirectory,
                                      ContentLimits limits) throws ContentException {
        return start(content, extraContent, lexicalOnly, dataDirectory, limits, EmbeddingModel.BUNDLED);
    }

    /** Builds the core with the given model; where it cannot load, the index is lexical-only. */
    static MentorRuntime start(Path content, List<Path> extraContent, boolean lexicalOnly, Path dataDirectory,
            EmbeddingModel model) throws ContentException {
        return start(content, extraContent, lexicalOnly, dataDirectory, ContentLimits.DEFAULTS, model);
    }

    private static MentorRuntime start(Path content, List<Path> extraContent, boolean lexicalOnly, Path dataDirectory,
            ContentLimits limits, EmbeddingModel model) throws ContentException {
        long t0 = System.nanoTime();
        List<Path> folders = folders(content, extraContent);
        KnowledgeBase kb = new ContentLoader(limits).load(folders);
        Optional<Embedder> embedder = lexicalOnly ? Optional.empty() : embedder(folders, dataDirectory, model);
        KnowledgeIndex index = KnowledgeIndex.build(kb, embedder);
        return new MentorRuntime(kb, index, new AnswerEngine(kb, index), (System.nanoTime() - t0) / 1_000_000);
    }

    /** The content folders the options name: the bundled one (unless replaced) plus extras. */
    static List<Path> folders(Path content, List<Path> extraContent) throws ContentException {
        List<Path> folders = new ArrayList<>();
        folders.add(content != null ? content : ContentLoader.bundledRoot());
        folders.addAll(extraContent);
        return folders;
    }

    /**
     * The sentence embedder, primed with the vectors cached next to each content folder; empty
     * where the bundled model cannot load on this system.
     */
    static Optional<Embedder> embedder(List<Path> folders, Path dataDirectory) throws ContentException {
        return embedder(folders, dataDirectory, EmbeddingModel.BUNDLED);
    }

    private static Optional<Embedder> embedder(List<Path> folders, Path dataDirectory, EmbeddingModel model)
            throws ContentException {
        Optional<Embedder> loaded = model.get(dataDirectory);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        // The bundled cache also holds the vectors of the bundled scope banks, which apply to an
        // admin's own content as well: read it even when --content replaces the bundled content,
        // or start-up would embed both banks again.
        List<Path> caches = new ArrayList<>(folders);
        if (!caches.contains(ContentLoader.bundledRoot())) {
            caches.add(ContentLoader.bundledRoot());
        }
        return Optional.of(EmbeddingCache.fromFolders(caches, MiniLmEmbedder.MODEL_ID, MiniLmEmbedder.DIMENSION)
                .over(loaded.get()));
    }
}
