package dev.mentorbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mentorbot.Fixtures;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalSetTest {
    @Test
    void scoresEveryItemByItsRules() throws Exception {
        List<EvalQuestion> set = EvalSet.read("t.jsonl", new StringReader("""
                {"id": "a", "q": "deep learning engineer salary", "expect": [["95[,.]?500"], ["year"]], "answered": true}
                {"id": "b", "q": "what is kaggle", "expect": [["nonexistent-word"]], "answered": true}

                {"id": "x", "q": "how do I bake bread", "expect": null, "answered": false}
                """));
        EvalReport report = new Evaluator(Fixtures.lexical()).run(set);

        assertThat(report.results()).extracting(r -> r.question().id() + "=" + r.passed())
                .containsExactly("a=true", "b=false", "x=true");
        assertThat(report.score()).isEqualTo(2.0 / 3.0);
        assertThat(report.misses()).extracting(r -> r.question().id()).containsExactly("b");
    }

    @Test
    void badLinesAreNamedWithFileAndLine() {
        assertThatThrownBy(() -> EvalSet.read("q.jsonl", new StringReader("{\"q\": \"ok\"}\n{not json\n")))
                .hasMessageStartingWith("q.jsonl:2: ");
        assertThatThrownBy(() -> EvalSet.read("q.jsonl", new StringReader("{\"q\": \"x\", \"expect\": [[\"(\"]]}\n")))
                .hasMessageStartingWith("q.jsonl:1: bad regex");
        assertThatThrownBy(() -> EvalSet.read("q.jsonl", new StringReader("\n\n")))
                .hasMessage("q.jsonl: no questions in the file");
    }
}
