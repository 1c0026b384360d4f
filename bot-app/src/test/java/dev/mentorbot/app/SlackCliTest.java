package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slack manifest}: the scopes an admin grants follow the settings. */
class SlackCliTest {
    @TempDir
    Path dir;

    @Test
    void theManifestAsksToReadChannelsOnlyWithThreadFollowUps() throws IOException {
        Cli.Result on = Cli.runWithEnv(Map.of(), "slack", "manifest");
        assertThat(on.exit()).as(on.toString()).isZero();
        assertThat(on.out()).contains("- channels:history", "- groups:history", "- message.channels",
                "- message.groups");

        Cli.Result off = Cli.runWithEnv(Map.of("MENTOR_BOT_SLACK_THREAD_FOLLOW_UPS", "false"), "slack", "manifest");
        assertThat(off.exit()).as(off.toString()).isZero();
        assertThat(off.out()).contains("- im:history", "- message.im").doesNotContain("channels:history",
                "groups:history", "message.channels", "message.groups");

        Path f = dir.resolve("mentor.yaml");
        Files.writeString(f, "slack:\n  thread-follow-ups: false\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        Cli.Result fromFile = Cli.runWithEnv(Map.of(), "--config", f.toString(), "slack", "manifest");
        assertThat(fromFile.exit()).as(fromFile.toString()).isZero();
        assertThat(fromFile.out()).doesNotContain("channels:history");
    }
}
