package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code --version}: the release and the commit the build came from, or "unknown" without git. */
class VersionCliTest {
    @Test
    void versionPrintsTheReleaseAndTheCommitOfThisCheckout() {
        Cli.Result r = Cli.run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("mentor-bot " + System.getProperty("mentorbot.version", "0.1.0")
                + " (commit " + GitCommit.head().orElse(BuildInfo.UNKNOWN) + ")");
    }

    @Test
    void aBuildWithoutGitSaysTheCommitIsUnknown() {
        // A source archive: the build leaves the placeholder the filter could not fill.
        Properties p = new Properties();
        p.setProperty("version", "0.1.0");
        p.setProperty("commit", "${buildNumber}");

        assertThat(BuildInfo.of(p).line()).isEqualTo("mentor-bot 0.1.0 (commit unknown)");
        assertThat(BuildInfo.of(new Properties()).line()).isEqualTo("mentor-bot unknown (commit unknown)");
    }
}
