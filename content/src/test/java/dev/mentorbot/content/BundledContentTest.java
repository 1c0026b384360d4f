package dev.mentorbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled knowledge base is valid, complete enough, concise, and invents no figure. */
class BundledContentTest {
    /**
     * Every figure the source article gives, in the forms the content may write them. A figure
     * in the content that is not here was invented (or mistyped) and fails the build.
     */
    private static final Set<String> ARTICLE_FIGURES = Set.of(
            "$105,000", "$160,000", "$121,441", "50%", "7", "12", "8", "15", "4", "6",
            "four", "six", "eight", "fifteen", "seven", "twelve", "fifty");
    private static final Pattern FIGURE = Pattern.compile(
            "\\$\\d[\\d,]*|\\d+\\s?%|\\b\\d+\\b|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                    + "|fifteen|twenty|thirty|forty|fifty|hundred)\\b(?=[\\s-]*(?:\\+|or more|to|years?|months?|weeks?|percent|lakh))",
            Pattern.CASE_INSENSITIVE);

    private static KnowledgeBase kb;

    @BeforeAll
    static void load() throws ContentException {
        kb = new ContentLoader().loadBundled();
    }

    @Test
    void coversWhatTheIssueAsksFor() {
        assertThat(kb.faqs()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(kb.roadmaps()).extracting(Roadmap::id)
                .containsExactly("from-zero", "from-software-engineering", "from-data-science");
        assertThat(kb.checklists()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(kb.checklists()).allSatisfy(c -> assertThat(c.items()).hasSizeGreaterThanOrEqualTo(5));
        assertThat(kb.faqs()).allSatisfy(f -> assertThat(f.phrasings()).as(f.id()).hasSizeGreaterThanOrEqualTo(3));
        assertThat(kb.sources()).extracting(Source::id).contains("dl-engineer-career-article");
    }

    @Test
    void passagesAreConcise() {
        for (Article a : kb.articles()) {
            assertThat(a.sections()).allSatisfy(s -> assertThat(s.text()).as(s.id()).hasSizeLessThanOrEqualTo(700));
        }
        assertThat(kb.faqs()).allSatisfy(f -> assertThat(f.answer()).as(f.id()).hasSizeLessThanOrEqualTo(700));
    }

    @Test
    void everyFigureComesFromTheSourceArticle() {
        List<String> invented = new ArrayList<>();
        for (Article a : kb.articles()) {
            a.sections().forEach(s -> check(s.id(), s.text(), invented));
        }
        kb.faqs().forEach(f -> check(f.id(), f.answer(), invented));
        for (Roadmap r : kb.roadmaps()) {
            r.stages().forEach(s -> check(r.id() + "/" + s.id(), String.join(" ", s.goals()) + " "
                    + String.join(" ", s.practice()) + " " + (s.duration() == null ? "" : s.duration()), invented));
        }
        assertThat(invented).as("figures not in the source article").isEmpty();
    }

    @Test
    void checklistAndStageIdsAreStable() {
        // Progress is stored against these ids: renaming one silently loses members' ticks.
        assertThat(kb.checklist("math-foundations").orElseThrow().items()).isNotEmpty();
        assertThat(kb.checklist("programming-cs")).isPresent();
        assertThat(kb.checklist("ml-fundamentals")).isPresent();
        assertThat(kb.checklist("deep-learning-practice")).isPresent();
        assertThat(kb.checklist("portfolio-job-search")).isPresent();
        assertThat(kb.checklist("deployment-cloud")).isPresent();
        assertThat(kb.checklist("communication")).isPresent();
    }

    private static void check(String where, String text, List<String> invented) {
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            String figure = m.group().replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT);
            if (!ARTICLE_FIGURES.contains(figure)) {
                invented.add(where + ": " + m.group());
            }
        }
    }
}
