package dev.mentorbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny content folder written by a test, whose one answer the test can change and break. */
final class TestContent {
    private final Path root;

    TestContent(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("faq"));
            Files.writeString(root.resolve("sources.yaml"), """
                    - id: test-editors
                      kind: editorial
                      title: Test editors
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    /** Writes the FAQ (ten entries) with this answer to "What is Kaggle?". */
    TestContent kaggleAnswer(String answer) {
        write("faq/faq.yaml", """
                - id: what-is-kaggle
                  question: What is Kaggle?
                  phrasings:
                    - kaggle competitions
                  answer: %s
                  tags: [practice]
                  source: test-editors
                - id: need-phd
                  question: Do I need a PhD for deep learning?
                  answer: No. Projects and courses can teach the skills.
                  tags: [education]
                  source: test-editors
                - id: python
                  question: Which language should I learn first?
                  answer: Python is the usual first language for machine learning work.
                  tags: [general]
                  source: test-editors
                - id: maths
                  question: How much maths do I need?
                  answer: Linear algebra, calculus and probability are the core of the maths.
                  tags: [general]
                  source: test-editors
                - id: portfolio
                  question: How do I build a portfolio?
                  answer: Publish a few finished projects with clear write-ups on a public repository.
                  tags: [general]
                  source: test-editors
                - id: interview
                  question: How do interviews work?
                  answer: Expect coding rounds, a machine learning design discussion and questions on your projects.
                  tags: [general]
                  source: test-editors
                - id: cloud
                  question: Should I learn cloud tools?
                  answer: Knowing one cloud platform helps you deploy models for real users.
                  tags: [general]
                  source: test-editors
                - id: statistics
                  question: Why does statistics matter?
                  answer: Statistics tells you whether a model's result is real or noise.
                  tags: [general]
                  source: test-editors
                - id: git
                  question: Do I need version control?
                  answer: Yes. Teams share code and experiments through version control such as git.
                  tags: [general]
                  source: test-editors
                - id: networking
                  question: How do I find a mentor?
                  answer: Meetups, online communities and open source projects are good places to meet mentors.
                  tags: [general]
                  source: test-editors
                """.formatted(answer));
        return this;
    }

    /** Writes a file with a YAML error on line 2. */
    TestContent broken() {
        write("faq/broken.yaml", "- id: oops\n  question: [unclosed\n");
        return this;
    }

    /** Removes the broken file again. */
    TestContent mended() {
        try {
            Files.deleteIfExists(root.resolve("faq/broken.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void write(String name, String text) {
        try {
            // Written beside and moved into place, as editors and git do, so a reader never sees half a file.
            Path tmp = root.resolve(name + ".tmp~");
            Files.writeString(tmp, text);
            Files.move(tmp, root.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
