package dev.mentorbot.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentIngesterTest {
    private final DocumentIngester ingester = new DocumentIngester();

    @Test
    void splitsPlainTextByHeadingsAndParagraphsAndDropsBoilerplate() {
        Article a = ingester.ingest("doc", "src", """
                The Title Of The Article

                Intro paragraph that explains what the whole article will be about today.

                First Heading Here

                A paragraph under the first heading with enough words to be a passage.

                Read also: An unrelated post

                # Markdown Heading
                Another paragraph, now under the markdown heading, long enough too.

                tags: #a #b
                """);

        assertThat(a.title()).isEqualTo("The Title Of The Article");
        assertThat(a.sections()).extracting(Section::heading, Section::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Overview", "doc#p1"),
                org.assertj.core.groups.Tuple.tuple("First Heading Here", "doc#p2"),
                org.assertj.core.groups.Tuple.tuple("Markdown Heading", "doc#p3"));
    }

    @Test
    void hardWrappedProseIsNotMistakenForAHeading() {
        Article a = ingester.ingest("doc", "src", """
                Title

                machine learning engineers spend much of their time on data
                preparation and evaluation, which is not glamorous but matters.
                """);

        assertThat(a.sections()).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("Overview");
            assertThat(s.text()).startsWith("machine learning engineers spend");
        });
    }

    @Test
    void longParagraphsBecomeSeveralPassagesOfWholeSentences() {
        String sentence = "Each sentence is about forty-five characters. ";
        List<String> chunks = DocumentIngester.chunks(sentence.repeat(30).strip(), "");

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c).hasSizeLessThanOrEqualTo(400).endsWith(".");
            assertThat(c).startsWith("Each sentence");
        });
        assertThat(String.join(" ", chunks)).isEqualTo(sentence.repeat(30).strip());
    }

    @Test
    void aPassageThatWouldStartMidThoughtCarriesTheSentenceBefore() {
        Article a = ingester.ingest("doc", "src", """
                Title

                The Work

                Deep learning engineers design neural networks for vision and speech products at large companies.

                They also deploy the trained models to production and keep them running for years afterwards.
                """);

        assertThat(a.sections()).extracting(Section::text).containsExactly(
                "Deep learning engineers design neural networks for vision and speech products at large companies.",
                "Deep learning engineers design neural networks for vision and speech products at large companies."
                        + " They also deploy the trained models to production and keep them running for years afterwards.");
    }

    @Test
    void aChunkCutInsideAParagraphCarriesItsSubjectToo() {
        String first = "Machine learning engineers build systems that learn from data without explicit rules. ";
        String filler = "The daily work covers data, models, evaluation and deployment in equal parts. ";
        String equally = "Equally important are data structures, algorithms and a working knowledge of computer architecture. ";
        String paragraph = (first + filler.repeat(3) + equally + filler.repeat(3)).strip();
        List<String> chunks = DocumentIngester.chunks(paragraph, "");

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).anySatisfy(c -> assertThat(c).contains("Equally important"))
                .noneSatisfy(c -> assertThat(c).startsWith("Equally"));
        assertThat(chunks.get(1)).startsWith(filler.strip() + " Equally important");
    }

    @Test
    void anAdminsQuestionsLineAttachesToTheParagraphBelowIt() {
        Article a = ingester.ingest("doc", "src", """
                Title

                Job Market
                Questions: is there demand for dl engineers | job outlook

                Projections suggest the deep learning job market will grow by up to half in the near future.

                Another paragraph under the same heading that answers something else entirely, at length.
                """);

        assertThat(a.sections()).hasSize(2);
        assertThat(a.sections().get(0).questions()).containsExactly("is there demand for dl engineers", "job outlook");
        assertThat(a.sections().get(0).heading()).isEqualTo("Job Market");
        assertThat(a.sections().get(1).questions()).isEmpty();
    }
}
