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
        String sentence = "This sentence is about forty-five characters. ";
        List<String> chunks = DocumentIngester.chunks(sentence.repeat(30).strip(), "");

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c).hasSizeLessThanOrEqualTo(400).endsWith(".");
            assertThat(c).startsWith("This sentence");
        });
        assertThat(String.join(" ", chunks)).isEqualTo(sentence.repeat(30).strip());
    }
}
