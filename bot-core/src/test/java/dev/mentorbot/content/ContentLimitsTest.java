package dev.mentorbot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mentorbot.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each content limit, on the fixture content, with the problem an admin reads. */
class ContentLimitsTest {
    @TempDir
    Path tmp;

    @Test
    void theFixtureContentLoadsWithinTheDefaults() throws Exception {
        assertThat(new ContentLoader().load(Fixtures.copyOfContent(tmp.resolve("c"))).passageCount()).isPositive();
        assertThat(new ContentLoader().limits()).isEqualTo(ContentLimits.DEFAULTS);
    }

    @Test
    void aFileOverTheSizeLimitIsReportedAndNotRead() throws Exception {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        // Not valid UTF-8: had its bytes been read, the problem would say so instead.
        Files.write(dir.resolve("articles/export.txt"), new byte[3 * 1024]);
        Files.write(dir.resolve("articles/export.txt"), new byte[] {(byte) 0xC3, (byte) 0x28},
                java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> new ContentLoader(new ContentLimits(2 * 1024, 1_000, 20_000, 5_000)).load(dir))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("articles/export.txt: is 3 KB; the limit is 2 KB (content.max-file-kb)"));
    }

    @Test
    void aLineOverTheLengthLimitIsReportedWithItsLineNumber() throws Exception {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        Files.writeString(dir.resolve("articles/dump.txt"), "Dump\n\nfine\n" + "x".repeat(501) + "\n");

        assertThatThrownBy(() -> new ContentLoader(new ContentLimits(1024 * 1024, 1_000, 500, 5_000)).load(dir))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("articles/dump.txt:4: a line longer than 500 characters (content.max-line-chars):"
                                + " is this a content file?"));
    }

    @Test
    void moreFilesThanTheLimitAreRefusedBeforeAnyIsRead() throws Exception {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        int files;
        try (var walk = Files.walk(dir)) {
            files = (int) walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(md|txt|ya?ml)")).count();
        }

        assertThatThrownBy(() -> new ContentLoader(new ContentLimits(1024 * 1024, files - 1, 20_000, 5_000)).load(dir))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(dir + ": " + files + " content files (.md, .txt, .yaml); the limit is "
                                + (files - 1) + " (content.max-files)"));
    }

    @Test
    void morePassagesThanTheLimitAreRefused() throws Exception {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        int passages = new ContentLoader().load(dir).passageCount();

        assertThatThrownBy(() -> new ContentLoader(new ContentLimits(1024 * 1024, 1_000, 20_000, passages - 1)).load(dir))
                .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("(content): " + passages + " passages; the limit is " + (passages - 1)
                                + " (content.max-passages)"));
        assertThat(new ContentLoader(new ContentLimits(1024 * 1024, 1_000, 20_000, passages)).load(dir).passageCount())
                .isEqualTo(passages);
    }
}
