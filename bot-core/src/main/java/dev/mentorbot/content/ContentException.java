package dev.mentorbot.content;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when content cannot be used; carries every problem found, not only the first. */
public final class ContentException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<ContentProblem> problems;

    public ContentException(List<ContentProblem> problems) {
        super(problems.size() + " problem(s) in content:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
