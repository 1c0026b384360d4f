package dev.mentorbot;

import dev.mentorbot.content.ContentException;
import dev.mentorbot.content.ContentLoader;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.Embedder;
import dev.mentorbot.retrieval.KnowledgeIndex;
import dev.mentorbot.retrieval.MiniLmEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Shared test fixtures: the small fixture corpus and engines over it (built once per JVM). */
public final class Fixtures {
    private static KnowledgeBase kb;
    private static Embedder embedder;
    private static AnswerEngine hybrid;
    private static AnswerEngine lexical;

    private Fixtures() {
    }

    /**
     * The fixture content folder in the test resources: a folder when bot-core's own tests run, a
     * folder inside the test jar when another module's tests use it (the loader reads both).
     */
    public static synchronized Path contentDir() {
        try {
            return ContentLoader.folderOf(Fixtures.class.getResource("/fixture-content/sources.yaml"));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("the fixture content is missing from the test classpath", e);
        }
    }

    public static synchronized KnowledgeBase kb() {
        if (kb == null) {
            try {
                kb = new ContentLoader().load(contentDir());
            } catch (ContentException e) {
                throw new IllegalStateException(e);
            }
        }
        return kb;
    }

    /** The real sentence embedder (loaded once: about half a second). */
    public static synchronized Embedder embedder() {
        if (embedder == null) {
            embedder = new MiniLmEmbedder();
        }
        return embedder;
    }

    public static synchronized AnswerEngine hybrid() {
        if (hybrid == null) {
            hybrid = new AnswerEngine(kb(), KnowledgeIndex.build(kb(), Optional.of(embedder())));
        }
        return hybrid;
    }

    public static synchronized AnswerEngine lexical() {
        if (lexical == null) {
            lexical = new AnswerEngine(kb(), KnowledgeIndex.build(kb(), Optional.empty()));
        }
        return lexical;
    }

    /** Copies the fixture content into a folder, so a test can break one file of it. */
    public static Path copyOfContent(Path target) {
        Path source = contentDir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
