package dev.mentorbot.content;

import java.util.List;

/**
 * One retrievable passage of an article: a {@code ##} section of a curated article, or a
 * paragraph of an ingested document.
 *
 * @param id       id unique within the knowledge base ({@code articleId#slug})
 * @param heading  the section heading, shown as the "section" of the answer's source
 * @param text     the passage text
 * @param sourceId the source its facts come from
 * @param questions questions the section answers, as members would ask them (an author's
 *                  {@code Questions:} line); the heading is always one more
 */
public record Section(String id, String heading, String text, String sourceId, List<String> questions) {
    public Section {
        questions = List.copyOf(questions);
    }

    /** A section without extra questions. */
    public Section(String id, String heading, String text, String sourceId) {
        this(id, heading, text, sourceId, List.of());
    }

    /**
     * Reads an author's {@code Questions: first | second | third} line (the same syntax in curated
     * articles and ingested documents), or returns empty when the line is not one.
     */
    public static java.util.Optional<List<String>> questionsLine(String line) {
        java.util.regex.Matcher m = QUESTIONS.matcher(line.strip());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.util.Arrays.stream(m.group(1).split("\\|"))
                .map(String::strip).filter(q -> !q.isEmpty()).toList());
    }

    private static final java.util.regex.Pattern QUESTIONS =
            java.util.regex.Pattern.compile("(?i)questions:\\s*(.*)");
}
