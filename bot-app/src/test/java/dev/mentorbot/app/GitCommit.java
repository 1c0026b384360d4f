package dev.mentorbot.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The commit the checkout is at, from git itself, to compare with what the build recorded. */
final class GitCommit {
    private GitCommit() {
    }

    /** The abbreviated HEAD commit (as the build abbreviates it), or empty without git or a checkout. */
    static Optional<String> head() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short=10", "HEAD")
                    .directory(Path.of("..").toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
