package dev.mentorbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embeddings make no network traffic: DJL, their tokenizer library, would probe the cloud
 * metadata address on its first tokenizer and unpack a native library into the home directory.
 * Each case runs {@link OfflineProbe} in a fresh JVM, because DJL probes once per JVM and other
 * tests in this one have long created their tokenizer. The child's home is a temporary folder,
 * and DJL's own variables are removed from its environment, so only the bot's settings count.
 */
class NoOutboundTrafficTest {
    private static final String QUESTION = "how much do ml engineers make";

    @TempDir
    Path dir;

    @Test
    void answeringThroughTheHybridEngineTriesNoAddressButLoopback() throws Exception {
        Path data = dir.resolve("data");
        Probe probe = probe("bot", data.toString(), QUESTION);

        assertThat(probe.exit).as(probe.output).isZero();
        assertThat(probe.values("answered")).as(probe.output).containsExactly("true");
        assertThat(probe.values("attempt")).as("outbound attempts\n" + probe.output).isEmpty();
    }

    @Test
    void theOfflineSettingsAreInForceAtTheFirstTokenizer() throws Exception {
        Path data = dir.resolve("data");
        Probe probe = probe("bot", data.toString(), QUESTION);

        assertThat(probe.exit).as(probe.output).isZero();
        // DJL's own reading of its settings, after the tokenizer ran.
        assertThat(probe.values("offline")).containsExactly("true");
        assertThat(probe.values("cache")).containsExactly(data.resolve(DjlSettings.FOLDER).toAbsolutePath().toString());
        // DJL unpacks its native library when the first tokenizer is created: finding it under
        // the data directory, and nothing in the home, shows the cache setting came first. No
        // attempt above shows the offline switch came first (DJL probes in the same call).
        assertThat(filesUnder(data.resolve(DjlSettings.FOLDER))).anyMatch(f -> f.contains("tokenizers"));
        assertThat(filesUnder(dir.resolve("home"))).isEmpty();
    }

    /** Without the bot's settings the recorder sees DJL's probe: the two tests above can fail. */
    @Test
    void theRecorderCatchesDjlsMetadataProbeWithoutTheSettings() throws Exception {
        Probe probe = probe("bare");

        assertThat(probe.exit).as(probe.output).isZero();
        assertThat(probe.values("offline")).containsExactly("false");
        assertThat(probe.values("attempt")).as(probe.output).anyMatch(a -> a.contains("169.254.169.254"));
        assertThat(filesUnder(dir.resolve("home").resolve(".djl.ai"))).isNotEmpty();
    }

    private Probe probe(String... args) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("home"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.security.manager=allow", "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), OfflineProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        for (String djl : List.of("DJL_OFFLINE", "OPT_OUT_TRACKING", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "offline")) {
            env.remove(djl);
        }
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe did not finish:\n" + output);
        }
        return new Probe(process.exitValue(), output);
    }

    private static List<String> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    private record Probe(int exit, String output) {
        List<String> values(String key) {
            return output.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).toList();
        }
    }
}
