package dev.mentorbot.state;

import java.util.List;

/**
 * The outcome of {@link Database#integrityCheck()}.
 *
 * @param problems what the check found, empty when the database is sound
 */
public record IntegrityReport(List<String> problems) {
    /** Copies the list. */
    public IntegrityReport {
        problems = List.copyOf(problems);
    }

    /** Returns whether the check found nothing wrong. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
