package dev.mentorbot.content;

/**
 * One thing wrong with a content file, precise enough for an admin to fix it.
 *
 * @param file    path of the file, relative to its content folder
 * @param line    1-based line number, or 0 when it cannot be known
 * @param message what is wrong
 */
public record ContentProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
