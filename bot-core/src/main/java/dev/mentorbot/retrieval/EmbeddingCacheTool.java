package dev.mentorbot.retrieval;

import dev.mentorbot.content.ContentException;
import dev.mentorbot.content.ContentLoader;
import dev.mentorbot.content.KnowledgeBase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Build step: embeds every passage of a content folder and writes the vectors next to it, so
 * the bot starts without embedding its bundled content. Run by the content module's build.
 */
public final class EmbeddingCacheTool {
    private EmbeddingCacheTool() {
    }

    /**
     * Writes {@code embeddings.bin} into a content folder.
     *
     * @param args the content folder
     */
    public static void main(String[] args) throws IOException, ContentException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: EmbeddingCacheTool CONTENT_DIR");
        }
        Path dir = Path.of(args[0]);
        KnowledgeBase kb = new ContentLoader().load(dir);
        EmbeddingCache cache = new EmbeddingCache(MiniLmEmbedder.MODEL_ID, MiniLmEmbedder.DIMENSION);
        try (KnowledgeIndex index = KnowledgeIndex.build(kb, Optional.of(cache.over(new MiniLmEmbedder())))) {
            Path out = dir.resolve(EmbeddingCache.FILE_NAME);
            try (OutputStream os = Files.newOutputStream(out)) {
                cache.write(os);
            }
            System.out.println("embedded " + index.vectorCount() + " texts (" + cache.size() + " distinct) into " + out);
        }
    }
}
