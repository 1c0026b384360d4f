package dev.mentorbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scope gate over the fixture content and the bundled banks, with the real embedder. */
class ScopeGateTest {
    private final KnowledgeIndex index = Fixtures.hybrid().index();

    @Test
    void nearMissesThatShareWordsWithTheContentAreOutOfScope() {
        for (String q : List.of("how long does it take to learn kotlin", "how much do nurses earn in freedonia",
                "which gpu should i buy for gaming", "my kaggle api key gives 401 unauthorized",
                "flask or django for my web app")) {
            assertThat(index.judgeScope(q).inScope()).as(index.judgeScope(q).describe()).isFalse();
        }
    }

    @Test
    void careerQuestionsAreInScopeEvenWhenWordedLoosely() {
        for (String q : List.of("how much does a machine learning engineer earn", "dl engineer pay?",
                "do i need a phd for deep learning", "what math do i need for neural networks")) {
            assertThat(index.judgeScope(q).inScope()).as(index.judgeScope(q).describe()).isTrue();
        }
    }

    @Test
    void theEngineDeclinesWhatTheGateRulesOutThoughThePassagesShareItsWords() {
        Answer a = Fixtures.hybrid().answer("how long does it take to learn kotlin for android?");
        assertThat(a.answered()).isFalse();
        assertThat(a.text()).startsWith("I don't have a sourced answer to that");
    }

    @Test
    void explainShowsTheGatesDecisionAndItsNearestQuestions() {
        String explain = Fixtures.hybrid().explain("which gpu should i buy for gaming");
        assertThat(explain).contains("scope: OUT (in ").contains(", out ");
    }

    @Test
    void withoutVectorsTheGateLetsEverythingThrough() {
        ScopeGate open = ScopeGate.open();
        assertThat(open.active()).isFalse();
        assertThat(open.judge(new float[] {1, 0}).inScope()).isTrue();
        assertThat(Fixtures.lexical().index().judgeScope("which gpu should i buy").inScope()).isTrue();
    }

    @Test
    void aContentFoldersOwnOutOfScopeQuestionsJoinTheBank() {
        List<String> out = KnowledgeIndex.outOfScopeQuestions(new dev.mentorbot.content.KnowledgeBase(
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of("how do I reset my router")));
        assertThat(out).contains("how do I reset my router").containsAll(ScopeBank.outOfScope());
        assertThat(ScopeBank.outOfScope()).hasSizeGreaterThanOrEqualTo(150).noneMatch(q -> q.startsWith("#"));
        assertThat(ScopeBank.inScope()).hasSizeGreaterThanOrEqualTo(150);
    }
}
