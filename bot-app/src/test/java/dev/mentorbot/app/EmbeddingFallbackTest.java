package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mentorbot.retrieval.Answer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Where the embedding model cannot load (a platform the jar ships no natives for), the bot answers
 * lexical-only after one warning, instead of failing to start.
 */
class EmbeddingFallbackTest {
    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(EmbeddingModel.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
    }

    @Test
    void aMissingNativeLibraryLeavesLexicalSearchAnsweringAfterOneWarning() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        EmbeddingModel model = new EmbeddingModel(d -> {
            attempts.incrementAndGet();
            throw new UnsatisfiedLinkError("no onnxruntime in java.library.path: /usr/lib");
        });
        TestContent content = new TestContent(dir.resolve("content")).kaggleAnswer("A site for data science competitions.");

        MentorRuntime first = MentorRuntime.start(content.root(), List.of(), false, dir, model);
        // A content reload builds a new runtime with the same model: no second try, no second warning.
        MentorRuntime reloaded = MentorRuntime.start(content.root(), List.of(), false, dir, model);

        for (MentorRuntime runtime : List.of(first, reloaded)) {
            assertThat(runtime.index().vectorCount()).isZero();
            Answer answer = runtime.engine().answer("what is kaggle?");
            assertThat(answer.answered()).isTrue();
            assertThat(answer.text()).contains("data science competitions");
        }
        assertThat(attempts).hasValue(1);
        assertThat(logged.list).hasSize(1);
        ILoggingEvent warning = logged.list.get(0);
        assertThat(warning.getLevel()).isEqualTo(Level.WARN);
        assertThat(warning.getFormattedMessage())
                .contains("cannot run on", "no onnxruntime in java.library.path", "lexical search only", "--lexical-only")
                .doesNotContain("\n");
        assertThat(warning.getThrowableProxy()).as("no stack trace for the admin").isNull();
    }

    @Test
    void aNativeThatFailsInsideTheLibraryIsNamedByItsInnermostCause() throws Exception {
        EmbeddingModel model = new EmbeddingModel(d -> {
            throw new IllegalStateException("ONNX Runtime cannot load the bundled embedding model",
                    new RuntimeException("Failed to load library libtokenizers.dylib\nsecond line"));
        });
        TestContent content = new TestContent(dir.resolve("content")).kaggleAnswer("A site for data science competitions.");

        MentorRuntime runtime = MentorRuntime.start(content.root(), List.of(), false, dir, model);

        assertThat(runtime.engine().answer("what is kaggle?").answered()).isTrue();
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .asString().contains("Failed to load library libtokenizers.dylib").doesNotContain("second line");
    }

    @Test
    void lexicalOnlyNeverTriesTheModel() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        EmbeddingModel model = new EmbeddingModel(d -> {
            attempts.incrementAndGet();
            throw new UnsatisfiedLinkError("unused");
        });
        TestContent content = new TestContent(dir.resolve("content")).kaggleAnswer("A site for data science competitions.");

        MentorRuntime.start(content.root(), List.of(), true, dir, model);

        assertThat(attempts).hasValue(0);
        assertThat(logged.list).isEmpty();
    }
}
