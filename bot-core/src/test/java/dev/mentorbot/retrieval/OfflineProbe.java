package dev.mentorbot.retrieval;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.util.Utils;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.mentorbot.Fixtures;
import dev.mentorbot.content.KnowledgeBase;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A child JVM for {@link NoOutboundTrafficTest}: installs the {@link OutboundRecorder} before any
 * other class of ours or DJL's loads, then either answers one question through the hybrid engine
 * the way the bot does ({@code bot DATA_DIR QUESTION}), or creates DJL's tokenizer bare, without
 * the bot's settings ({@code bare}). Prints what it saw, one {@code key=value} per line.
 */
public final class OfflineProbe {
    private OfflineProbe() {
    }

    public static void main(String[] args) throws Exception {
        OutboundRecorder.install();
        if (args[0].equals("bot")) {
            KnowledgeBase kb = Fixtures.kb();
            Embedder embedder = new MiniLmEmbedder(Path.of(args[1]));
            AnswerEngine engine = new AnswerEngine(kb, KnowledgeIndex.build(kb, Optional.of(embedder)));
            Answer answer = engine.answer(args[2]);
            System.out.println("answered=" + answer.answered());
        } else {
            try (InputStream json = AllMiniLmL6V2QuantizedEmbeddingModel.class
                    .getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json");
                 HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of())) {
                System.out.println("tokens=" + tokenizer.encode("hello").getIds().length);
            }
        }
        System.out.println("offline=" + Utils.isOfflineMode());
        System.out.println("cache=" + Utils.getCacheDir());
        OutboundRecorder.attempts().forEach(a -> System.out.println("attempt=" + a));
        System.exit(0);
    }
}
