package dev.mentorbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {
    /** Counts what it is asked to embed; vectors encode the text length. */
    private static final class CountingEmbedder implements Embedder {
        final List<String> embedded = new ArrayList<>();

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            embedded.add(text);
            return new float[] {text.length(), 1};
        }
    }

    @Test
    void embedsOnlyWhatItHasNotSeenAndSurvivesARoundTrip() throws Exception {
        CountingEmbedder counting = new CountingEmbedder();
        EmbeddingCache cache = new EmbeddingCache("m", 2);
        assertThat(cache.over(counting).embedAll(List.of("a", "bb", "a"))).extracting(v -> v[0])
                .containsExactly(1f, 2f, 1f);
        assertThat(counting.embedded).containsExactly("a", "bb", "a");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cache.write(out);
        EmbeddingCache reread = new EmbeddingCache("m", 2);
        assertThat(reread.readFrom(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(2);

        CountingEmbedder second = new CountingEmbedder();
        assertThat(reread.over(second).embedAll(List.of("bb", "ccc"))).extracting(v -> v[0]).containsExactly(2f, 3f);
        assertThat(second.embedded).containsExactly("ccc");
        reread.over(second).embed("bb");
        assertThat(second.embedded).as("questions are always embedded afresh").containsExactly("ccc", "bb");
    }

    @Test
    void aCacheOfAnotherModelIsIgnored() throws Exception {
        EmbeddingCache cache = new EmbeddingCache("model-a", 2);
        cache.over(new CountingEmbedder()).embedAll(List.of("x"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cache.write(out);

        assertThat(new EmbeddingCache("model-b", 2).readFrom(new ByteArrayInputStream(out.toByteArray()))).isZero();
        assertThat(new EmbeddingCache("model-a", 3).readFrom(new ByteArrayInputStream(out.toByteArray()))).isZero();
    }
}
