package dev.mentorbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.SourceRef;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores by category and the passages that answer most often. */
class EvalReportTest {
    @Test
    void talliesEachCategoryAndCountsTopAnswers() throws Exception {
        List<EvalQuestion> set = EvalSet.read("t.jsonl", new StringReader("""
                {"id": "a", "q": "pay?", "expect": [["70"]], "answered": true, "category": "salary"}
                {"id": "b", "q": "pay in freedonia?", "expect": [["70"]], "answered": true, "category": "salary"}
                {"id": "c", "q": "gpu to buy", "expect": null, "answered": false}
                """));
        Answer hub = new Answer("q", true, "earns $70,000", List.of(new SourceRef("T", "S", "Src", "pay#ml", 0.5)), List.of());
        Answer wrong = new Answer("q", true, "python", List.of(new SourceRef("T", "S", "Src", "pay#ml", 0.4)), List.of());
        Answer declined = new Answer("q", false, "I don't know", List.of(), List.of());
        EvalReport report = new EvalReport(List.of(
                new EvalReport.Result(set.get(0), hub, set.get(0).passes(true, hub.text())),
                new EvalReport.Result(set.get(1), wrong, set.get(1).passes(true, wrong.text())),
                new EvalReport.Result(set.get(2), declined, set.get(2).passes(false, declined.text()))));

        assertThat(report.byCategory()).containsOnlyKeys("salary", "off-topic");
        assertThat(report.byCategory().get("salary")).isEqualTo(new EvalReport.Tally(1, 2));
        assertThat(report.byCategory().get("off-topic")).isEqualTo(new EvalReport.Tally(1, 1));
        assertThat(report.topAnswers()).containsExactly(java.util.Map.entry("pay#ml", new EvalReport.Tally(1, 2)));
    }
}
