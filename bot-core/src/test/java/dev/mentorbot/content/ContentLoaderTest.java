package dev.mentorbot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mentorbot.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void loadsEveryKindOfContent() throws Exception {
        KnowledgeBase kb = new ContentLoader().load(Fixtures.contentDir());

        assertThat(kb.articles()).extracting(Article::id).containsExactlyInAnyOrder("pay", "skills");
        Article pay = kb.articles().stream().filter(a -> a.id().equals("pay")).findFirst().orElseThrow();
        assertThat(pay.sections()).extracting(Section::heading)
                .containsExactly("Machine learning engineer salary", "Deep learning engineer salary");
        assertThat(pay.sections().get(0).id()).isEqualTo("pay#machine-learning-engineer-salary");
        assertThat(kb.faqs()).extracting(FaqEntry::id).containsExactly("what-is-kaggle", "need-phd");
        assertThat(kb.faqs().get(0).phrasings()).hasSize(2);
        assertThat(kb.roadmap("from-zero").orElseThrow().stages()).extracting(RoadmapStage::id)
                .containsExactly("basics", "first-models");
        assertThat(kb.checklist("math-basics").orElseThrow().items()).extracting(ChecklistItem::id)
                .containsExactly("linear-algebra", "calculus");
        assertThat(kb.source("fixture-article").orElseThrow().kind()).isEqualTo(SourceKind.ARTICLE);
        assertThat(kb.passageCount()).isEqualTo(6);
    }

    @Test
    void aFoldersOutOfScopeFileListsQuestionsToDeclineAndIsNotIngestedAsAnArticle() throws Exception {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("out-of-scope.txt"), "# questions our members ask that we do not answer\nhow do I reset my router\n\nbest pizza in town\n");

        KnowledgeBase kb = new ContentLoader().load(dir);

        assertThat(kb.outOfScope()).containsExactly("how do I reset my router", "best pizza in town");
        assertThat(kb.articles()).extracting(Article::id).doesNotContain("out-of-scope");
    }

    @Test
    void aCuratedSectionMayNameTheQuestionsItAnswers() throws Exception {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("articles/market.md"), """
                ---
                id: market
                title: Market
                source: fixture-editors
                ---
                ## Demand
                Questions: is there demand | job outlook
                Demand for deep learning engineers keeps rising across industries.
                """);

        Section s = new ContentLoader().load(dir).articles().stream().filter(a -> a.id().equals("market"))
                .findFirst().orElseThrow().sections().get(0);

        assertThat(s.questions()).containsExactly("is there demand", "job outlook");
        assertThat(s.text()).isEqualTo("Demand for deep learning engineers keeps rising across industries.");
    }

    @Test
    void missingFieldIsReportedWithFileAndLine() throws IOException {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("faq/broken.yaml"), """
                - id: no-answer
                  question: Where is the answer?
                  tags: [x]
                  source: fixture-editors
                """);

        assertThat(problems(dir)).containsExactly("faq/broken.yaml:1: missing required field 'answer'");
    }

    @Test
    void missingFieldInsideANestedListPointsAtTheEntry() throws IOException {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("checklists/nested.yaml"), """
                id: nested
                title: Nested
                source: fixture-editors
                items:
                  - id: fine
                    text: Fine
                  - id: no-text
                  - id: also-fine
                    text: Also fine
                """);

        assertThat(problems(dir)).containsExactly("checklists/nested.yaml:7: missing required field 'text'");
    }

    @Test
    void figureMessagesQuoteTheWholeFigure() throws IOException {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("faq/money.yaml"), "- id: money\n  question: Q?\n  answer: It pays $5,000.\n  source: fixture-editors\n");

        assertThat(problems(dir)).singleElement().asString().contains("figure '$5,000'");
    }

    @Test
    void badYamlIsReportedWithItsLine() throws IOException {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("checklists/bad.yaml"), "id: bad\ntitle: [unclosed\nitems:\n  - id: a\n");

        List<String> problems = problems(dir);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("checklists/bad.yaml:").contains("bad YAML");
    }

    @Test
    void duplicateIdsAreReportedWhereTheyAre() throws IOException {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("faq/zz-dupe.yaml"), """
                - id: need-phd
                  question: Again?
                  answer: Twice.
                  source: fixture-editors
                """);
        write(dir.resolve("checklists/dupe-items.yaml"), """
                id: dupe-items
                title: Dupes
                source: fixture-editors
                items:
                  - id: same
                    text: one
                  - id: same
                    text: two
                """);

        assertThat(problems(dir)).containsExactlyInAnyOrder(
                "faq/zz-dupe.yaml:1: duplicate FAQ id 'need-phd' (first defined in faq/faq.yaml)",
                "checklists/dupe-items.yaml:7: duplicate item id 'same'");
    }

    @Test
    void roadmapLinkingAnUnknownChecklistIsAnError() throws IOException {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("roadmaps/bad.yaml"), """
                id: bad-track
                title: Bad track
                source: fixture-editors
                stages:
                  - id: one
                    title: One
                    checklists:
                      - no-such-checklist
                """);

        assertThat(problems(dir)).containsExactly(
                "roadmaps/bad.yaml:8: stage 'one' links checklist 'no-such-checklist', which does not exist");
    }

    @Test
    void figuresMustComeFromAPublishedSource() throws IOException {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("articles/invented.md"), """
                ---
                id: invented
                title: Invented
                source: fixture-editors
                ---
                ## Pay
                Everyone earns $500,000 after six months.
                """);

        assertThat(problems(dir)).containsExactly(
                "articles/invented.md:6: figure '$500,000' cited to editorial source 'fixture-editors': "
                        + "figures must come from a published source");
    }

    @Test
    void unknownSourceAndBadIdAndBadKindAreErrors() throws IOException {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("faq/x.yaml"), """
                - id: Bad_Id
                  question: Q?
                  answer: A.
                  source: nobody
                """);

        assertThat(problems(dir)).containsExactlyInAnyOrder(
                "faq/x.yaml:1: FAQ entry id 'Bad_Id' must be lower-case letters, digits and '-'",
                "faq/x.yaml:1: unknown source 'nobody' (add it to sources.yaml)");

        write(dir.resolve("sources.yaml"), "- id: s\n  kind: blog\n  title: S\n");
        List<String> problems = problems(dir);
        assertThat(problems).contains("sources.yaml:2: source kind must be 'article' or 'editorial'");
        assertThat(problems).noneMatch(p -> p.contains("unknown source"));
    }

    @Test
    void unclosedFrontMatterAndInvalidUtf8AreErrors() throws IOException {
        Path dir = Fixtures.copyOfContent(tmp.resolve("c"));
        write(dir.resolve("articles/open.md"), "---\nid: open\ntitle: Open\n\n## A\ntext\n");
        Files.write(dir.resolve("articles/binary.txt"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x41});

        assertThat(problems(dir)).containsExactlyInAnyOrder(
                "articles/open.md:1: front matter opened with '---' is never closed by a '---' line",
                "articles/binary.txt: not valid UTF-8 text");
    }

    @Test
    void emptyOrMissingFolderSaysSo() {
        assertThat(problems(tmp)).containsExactly(
                "(content): no articles, FAQ entries or documents found: nothing to answer from");
        assertThat(problems(tmp.resolve("missing"))).singleElement().asString().endsWith("not a folder (or it does not exist)");
    }

    @Test
    void severalFoldersAreOneKnowledgeBaseWithIdsUniqueAcrossThem() throws Exception {
        Path extra = tmp.resolve("extra");
        write(extra.resolve("faq/more.yaml"), """
                - id: more
                  question: More?
                  answer: Yes, more.
                  source: fixture-editors
                """);
        KnowledgeBase kb = new ContentLoader().load(List.of(Fixtures.contentDir(), extra));
        assertThat(kb.faqs()).extracting(FaqEntry::id).contains("more", "need-phd");

        write(extra.resolve("faq/clash.yaml"), "- id: need-phd\n  question: Q\n  answer: A\n  source: fixture-editors\n");
        assertThatThrownBy(() -> new ContentLoader().load(List.of(Fixtures.contentDir(), extra)))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("duplicate FAQ id 'need-phd' (first defined in faq/faq.yaml)");
    }

    @Test
    void plainTextArticlesAreIngestedAndCitedByTitle() throws Exception {
        write(tmp.resolve("guide.txt"), """
                A Guide to Robot Gardening

                Why Robots
                Robot gardeners water plants at night, which saves about 30% of the water in dry summers.

                Read also: Something else entirely
                """);
        KnowledgeBase kb = new ContentLoader().load(tmp);

        Article a = kb.articles().get(0);
        assertThat(a.title()).isEqualTo("A Guide to Robot Gardening");
        assertThat(a.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("Why Robots");
            assertThat(s.text()).startsWith("Robot gardeners water plants");
        });
        assertThat(kb.source(a.sourceId()).orElseThrow().title()).isEqualTo("A Guide to Robot Gardening");
    }

    private static List<String> problems(Path dir) {
        try {
            new ContentLoader().load(dir);
            return List.of();
        } catch (ContentException e) {
            return e.problems().stream().map(ContentProblem::toString).toList();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
