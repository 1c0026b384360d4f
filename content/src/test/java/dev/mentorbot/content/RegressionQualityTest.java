package dev.mentorbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.eval.EvalQuestion;
import dev.mentorbot.eval.EvalReport;
import dev.mentorbot.eval.EvalSet;
import dev.mentorbot.eval.Evaluator;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.EmbeddingCache;
import dev.mentorbot.retrieval.Embedder;
import dev.mentorbot.retrieval.KnowledgeIndex;
import dev.mentorbot.retrieval.MiniLmEmbedder;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answer quality on the project's own question sets (written from the source article,
 * independently of any shared question set), held to a bar on the held-out half: the half that
 * no threshold or bank was tuned on. Fails when a change to content or retrieval pushes quality
 * below the bar.
 */
class RegressionQualityTest {
    /** Measured 95.0% on the held-out half when the bar was set; room for a few borderline items. */
    private static final double HYBRID_BAR = 0.92;
    /** Measured 87.1% on the held-out half when the bar was set. */
    private static final double LEXICAL_BAR = 0.84;
    /** Follow-up questions, each asked after its earlier ones: measured 93.0% on the held-out half (997 items). */
    private static final double FOLLOW_UP_BAR = 0.91;

    private static KnowledgeBase kb;
    private static List<EvalQuestion> questions;
    private static AnswerEngine hybrid;

    @BeforeAll
    static void load() throws Exception {
        kb = new ContentLoader().loadBundled();
        try (var in = RegressionQualityTest.class.getResourceAsStream("/regression/held-out.jsonl")) {
            questions = EvalSet.read("regression/held-out.jsonl", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Path root = ContentLoader.bundledRoot();
        Embedder embedder = EmbeddingCache.fromFolders(List.of(root), MiniLmEmbedder.MODEL_ID, MiniLmEmbedder.DIMENSION)
                .over(new MiniLmEmbedder());
        hybrid = new AnswerEngine(kb, KnowledgeIndex.build(kb, Optional.of(embedder)));
    }

    @Test
    void hybridSearchMeetsTheBar() {
        assertMeetsBar(hybrid, HYBRID_BAR);
    }

    @Test
    void lexicalOnlySearchMeetsTheBar() {
        assertMeetsBar(new AnswerEngine(kb, KnowledgeIndex.build(kb, Optional.empty())), LEXICAL_BAR);
    }

    @Test
    void followUpsInAConversationMeetTheBar() throws Exception {
        List<EvalQuestion> followUps;
        try (var in = RegressionQualityTest.class.getResourceAsStream("/regression/follow-ups-held-out.jsonl")) {
            followUps = EvalSet.read("regression/follow-ups-held-out.jsonl", new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(followUps).hasSizeGreaterThanOrEqualTo(40).allSatisfy(q -> assertThat(q.after()).isNotEmpty());
        EvalReport report = new Evaluator(hybrid).run(followUps);
        assertThat(report.score()).as(misses(report)).isGreaterThanOrEqualTo(FOLLOW_UP_BAR);
    }

    @Test
    void offTopicQuestionsAreMostlyDeclined() {
        EvalReport report = new Evaluator(hybrid).run(questions.stream().filter(q -> !q.answered()).toList());
        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(report.score()).as(misses(report)).isGreaterThanOrEqualTo(0.85);
    }

    private static void assertMeetsBar(AnswerEngine engine, double bar) {
        EvalReport report = new Evaluator(engine).run(questions);
        assertThat(questions).hasSizeGreaterThanOrEqualTo(200);
        assertThat(report.score()).as(misses(report)).isGreaterThanOrEqualTo(bar);
    }

    private static String misses(EvalReport report) {
        return "score " + report.score() + ", misses:\n" + report.misses().stream()
                .map(r -> r.question().id() + " " + r.question().question() + " -> "
                        + (r.answer().answered() ? r.answer().text() : "(declined)"))
                .collect(Collectors.joining("\n"));
    }
}
