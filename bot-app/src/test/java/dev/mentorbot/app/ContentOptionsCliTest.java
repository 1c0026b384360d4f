package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global content options: {@code --content DIR} and {@code --extra-content DIR}. */
class ContentOptionsCliTest {
    /** A plain-text article as an admin would paste it from the web: title, headings, paragraphs. */
    static final String GPU_ARTICLE = """
            Running a Community GPU Cluster

            Why We Share Hardware

            Our meetup group pooled its money to buy a small shared training cluster for members who \
            cannot afford cloud bills. The cluster lives in a rented rack at the local university and \
            anyone with a membership can book time on it.

            Booking and Quotas

            Each member may book the cluster for at most 37 GPU hours per calendar month, which keeps \
            the queue fair for everyone. Bookings are made through the shared calendar and unused hours \
            do not roll over to the next month.

            Maintenance Windows

            The volunteers who run the cluster take it offline every second Sunday morning to apply \
            driver updates, replace failing disks and clean the dust filters. Members receive an email \
            reminder two days before each maintenance window.
            """;

    static final String EXTRA_SOURCES = """
            - id: community-handbook
              kind: editorial
              title: Community handbook
              note: Written by the server moderators.
            """;

    static final String EXTRA_FAQ = """
            - id: mentorship-office-hours
              question: When are the community mentorship office hours?
              phrasings:
                - mentor office hours
                - when can I talk to a mentor on the server
              answer: >
                Mentorship office hours run every Thursday evening in the voice channel called
                mentoring-lounge; bring a question about your portfolio or study plan.
              tags: [community]
              source: community-handbook
            """;

    @Test
    void contentFolderWithOnePlainTextArticleAnswersFromItAndCitesItsTitle(@TempDir Path dir) {
        Cli.write(dir, "gpu-cluster-notes.txt", GPU_ARTICLE);

        Cli.Result r = Cli.run("--content", dir.toString(), "ask", "--json",
                "how many GPU hours can a member book per month?");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.outLines()).hasSize(1);
        JsonNode o = Cli.parseLine(r.outLines().get(0));
        assertThat(o.get("answered").asBoolean()).isTrue();
        assertThat(o.get("answer").asText()).contains("37 GPU hours");
        JsonNode source = o.get("sources").get(0);
        assertThat(source.get("title").asText()).isEqualTo("Running a Community GPU Cluster");
        assertThat(source.get("source").asText()).isEqualTo("Running a Community GPU Cluster");
        assertThat(source.get("section").asText()).isEqualTo("Booking and Quotas");
        r.assertNoStackTrace();
    }

    @Test
    void contentFolderReplacesTheBundledKnowledgeBase(@TempDir Path dir) {
        Cli.write(dir, "gpu-cluster-notes.txt", GPU_ARTICLE);

        // A chat session is a conversation, but "what is kaggle" after the cluster question names
        // a subject of its own: it is no follow-up, and this content does not answer it.
        Cli.Result r = Cli.runWithInput(
                "when is the cluster offline for maintenance?\nwhat is kaggle\n/roadmap\n/quit\n",
                "--content", dir.toString(), "chat");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("offline every second Sunday morning")
                .contains("Source: Running a Community GPU Cluster - Maintenance Windows")
                .as("bundled content is not loaded").doesNotContain("Kaggle is an online")
                .contains("I don't have a sourced answer to that")
                .contains("No roadmaps are installed.");
        r.assertNoStackTrace();
    }

    @Test
    void extraContentFoldersAddAFaqAndAnArticleNextToTheBundledContent(@TempDir Path root) {
        Path faq = root.resolve("faq-folder");
        Cli.write(faq, "sources.yaml", EXTRA_SOURCES);
        Cli.write(faq, "faq/community.yaml", EXTRA_FAQ);
        Path docs = root.resolve("docs-folder");
        Cli.write(docs, "gpu-cluster-notes.txt", GPU_ARTICLE);
        List<String> questions = List.of(
                "when are the mentorship office hours?",
                "what is kaggle",
                "how many GPU hours can a member book per month?");

        Cli.Result r = Cli.runWithInput(String.join("\n", questions) + "\n",
                "--extra-content", faq.toString(), "--extra-content", docs.toString(), "ask", "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.outLines()).hasSize(3);
        JsonNode office = Cli.parseLine(r.outLines().get(0));
        assertThat(office.get("answered").asBoolean()).isTrue();
        assertThat(office.get("answer").asText()).contains("every Thursday evening");
        assertThat(office.get("sources").get(0).get("title").asText()).isEqualTo("FAQ");
        assertThat(office.get("sources").get(0).get("section").asText())
                .isEqualTo("When are the community mentorship office hours?");
        assertThat(office.get("sources").get(0).get("source").asText()).isEqualTo("Community handbook");

        JsonNode bundled = Cli.parseLine(r.outLines().get(1));
        assertThat(bundled.get("answered").asBoolean()).isTrue();
        assertThat(bundled.get("answer").asText()).contains("Kaggle is an online");

        JsonNode doc = Cli.parseLine(r.outLines().get(2));
        assertThat(doc.get("answered").asBoolean()).isTrue();
        assertThat(doc.get("answer").asText()).contains("37 GPU hours");
        assertThat(doc.get("sources").get(0).get("title").asText()).isEqualTo("Running a Community GPU Cluster");
        r.assertNoStackTrace();
    }

    @Test
    void missingContentFolderIsAClearErrorWithExitCode2(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-folder");

        Cli.Result r = Cli.run("--content", missing.toString(), "ask", "what is kaggle");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .startsWith("Cannot use the content: ")
                .contains(missing.toString())
                .contains("not a folder (or it does not exist)");
        r.assertNoStackTrace();
    }

    @Test
    void brokenExtraContentStopsStartUpAndNamesTheFileAndLine(@TempDir Path dir) {
        Cli.write(dir, "sources.yaml", EXTRA_SOURCES);
        Cli.write(dir, "faq/community.yaml", """
                - id: no-answer-here
                  question: Where is my answer?
                  source: community-handbook
                """);

        Cli.Result r = Cli.run("--extra-content", dir.toString(), "roadmap");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .startsWith("Cannot use the content: ")
                .contains("faq/community.yaml:1: missing required field 'answer'");
        r.assertNoStackTrace();
    }
}
