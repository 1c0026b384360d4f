package dev.mentorbot.app;

import dev.mentorbot.command.Commands;
import dev.mentorbot.content.ContentException;
import dev.mentorbot.content.ContentLoader;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.Embedder;
import dev.mentorbot.retrieval.KnowledgeIndex;
import dev.mentorbot.retrieval.MiniLmEmbedder;
import dev.mentorbot.retrieval.EmbeddingCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The assembled core: content loaded, index built, engine and commands ready. Built once per
 * process from the global options; everything in it is safe to share between threads.
 *
 * @param kb           the knowledge base
 * @param index        the search index
 * @param engine       the answer engine
 * @param commands     the command set
 * @param buildMillis  time taken to load content and build the index
 */
public record MentorRuntime(KnowledgeBase kb, KnowledgeIndex index, AnswerEngine engine, Commands commands,
                            long buildMillis) {

    /**
     * Builds the core.
     *
     * @param content      when set, use only this folder instead of the bundled content
     * @param extraContent folders added to the content
     * @param lexicalOnly  turn the sentence embeddings off
     */
    public static MentorRuntime start(Path content, List<Path> extraContent, boolean lexicalOnly)
            throws ContentException {
        long t0 = System.nanoTime();
        List<Path> folders = new ArrayList<>();
        folders.add(content != null ? content : ContentLoader.bundledRoot());
        folders.addAll(extraContent);
        KnowledgeBase kb = new ContentLoader().load(folders);
        Optional<Embedder> embedder = lexicalOnly ? Optional.empty() : Optional.of(embedder(folders));
        KnowledgeIndex index = KnowledgeIndex.build(kb, embedder);
        AnswerEngine engine = new AnswerEngine(kb, index);
        return new MentorRuntime(kb, index, engine, Commands.standard(kb, engine),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** The sentence embedder, primed with the vectors cached next to each content folder. */
    static Embedder embedder(List<Path> folders) {
        return EmbeddingCache.fromFolders(folders, MiniLmEmbedder.MODEL_ID, MiniLmEmbedder.DIMENSION)
                .over(new MiniLmEmbedder());
    }
}
