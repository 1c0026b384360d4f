package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as it is shipped (run by failsafe after {@code package}): the natives of each
 * supported platform are in, the rest are out, the bundled libraries' notices are merged, it stays
 * under the size bound, and {@code --version} names the release and its commit.
 */
class ShadedJarIT {
    /** 110 MB: the bound the release promises for the one jar. */
    private static final long MAX_BYTES = 110_000_000L;

    private static Path jar;
    private static List<String> entries;

    @BeforeAll
    static void listJar() throws IOException {
        jar = Path.of(System.getProperty("mentorbot.jar", "target/mentor-bot.jar"));
        assertThat(jar).as("the shaded jar, built by package").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void onnxRuntimeRunsOnAllFivePlatforms() {
        assertThat(entries).contains(
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so",
                "ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so",
                "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
                "ai/onnxruntime/native/linux-aarch64/libonnxruntime4j_jni.so",
                "ai/onnxruntime/native/osx-x64/libonnxruntime.dylib",
                "ai/onnxruntime/native/osx-x64/libonnxruntime4j_jni.dylib",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime4j_jni.dylib",
                "ai/onnxruntime/native/win-x64/onnxruntime.dll",
                "ai/onnxruntime/native/win-x64/onnxruntime4j_jni.dll");
        assertThat(natives("ai/onnxruntime/native/")).hasSize(10);
    }

    @Test
    void theTokenizerShipsEveryPlatformDjlBuildsFor() {
        // DJL 0.36 builds its tokenizer for four of the five: not for macOS on Intel, where the
        // bot answers lexical-only (EmbeddingModel).
        assertThat(entries).contains(
                "native/lib/linux-x86_64/cpu/libtokenizers.so",
                "native/lib/linux-aarch64/cpu/libtokenizers.so",
                "native/lib/osx-aarch64/cpu/libtokenizers.dylib",
                "native/lib/win-x86_64/cpu/tokenizers.dll");
        assertThat(natives("native/lib/")).allMatch(e -> Pattern.matches(
                "native/lib/(linux-x86_64|linux-aarch64|osx-aarch64|win-x86_64)/cpu/[^/]+", e));
    }

    @Test
    void sqliteShipsTheFivePlatformsOnly() {
        assertThat(natives("org/sqlite/native/")).containsExactlyInAnyOrder(
                "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
                "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
                "org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib",
                "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib",
                "org/sqlite/native/Windows/x86_64/sqlitejdbc.dll");
    }

    @Test
    void jnaShipsTheFivePlatformsOnly() {
        assertThat(natives("com/sun/jna/")).containsExactlyInAnyOrder(
                "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "com/sun/jna/linux-aarch64/libjnidispatch.so",
                "com/sun/jna/darwin-x86-64/libjnidispatch.jnilib",
                "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib",
                "com/sun/jna/win32-x86-64/jnidispatch.dll");
    }

    @Test
    void jlineShipsTheFivePlatformsOnly() {
        assertThat(natives("org/jline/nativ/")).containsExactlyInAnyOrder(
                "org/jline/nativ/Linux/x86_64/libjlinenative.so",
                "org/jline/nativ/Linux/arm64/libjlinenative.so",
                "org/jline/nativ/Mac/x86_64/libjlinenative.jnilib",
                "org/jline/nativ/Mac/arm64/libjlinenative.jnilib",
                "org/jline/nativ/Windows/x86_64/jlinenative.dll");
    }

    @Test
    void debugSymbolsAndVoiceLibrariesAreLeftOut() {
        assertThat(entries).noneMatch(e -> e.endsWith(".pdb") || e.contains(".dSYM/"));
        // JDA's optional voice stack: opus codec natives, tink encryption and its protobuf.
        assertThat(entries).noneMatch(e -> e.startsWith("club/minnced/opus/")
                || e.startsWith("com/google/crypto/tink/") || e.startsWith("com/google/protobuf/"));
        // No native outside the five libraries above.
        assertThat(natives("")).allMatch(e -> e.startsWith("ai/onnxruntime/native/")
                || e.startsWith("native/lib/") || e.startsWith("org/sqlite/native/") || e.startsWith("com/sun/jna/")
                || e.startsWith("org/jline/nativ/"));
    }

    @Test
    void theJarStaysUnderTheSizeBound() throws IOException {
        assertThat(Files.size(jar)).isLessThan(MAX_BYTES);
    }

    @Test
    void bundledLibrariesNoticesAreMergedIntoOne() throws IOException {
        assertThat(text("META-INF/NOTICE")).contains("Apache Lucene", "Jackson", "Apache Commons Lang",
                "Apache Commons Text", "Apache Commons Collections");
        assertThat(text("META-INF/LICENSE")).contains("Apache License", "Version 2.0, January 2004");
        assertThat(text("META-INF/THIRD-PARTY.txt")).contains("(net.dv8tion:JDA:", "(org.apache.lucene:lucene-core:",
                "(com.microsoft.onnxruntime:onnxruntime:");
        assertThat(entries).contains("ThirdPartyNotices.txt"); // ONNX Runtime's own list
    }

    @Test
    void theEmbeddingModelLoadsFromTheJarOnThisPlatform(@TempDir Path data) throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "--data-dir", data.toString(),
                "ask", "--json", "how much do machine learning engineers make in the US?").start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(err).as("no fallback to lexical-only").doesNotContain("cannot run").doesNotContain("Exception");
        assertThat(Cli.JSON.readTree(out).get("answered").asBoolean()).as(out).isTrue();
    }

    @Test
    void versionNamesTheReleaseAndTheCommit() throws Exception {
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).isEqualTo("mentor-bot " + System.getProperty("mentorbot.version") + " (commit "
                + GitCommit.head().orElse(BuildInfo.UNKNOWN) + ")");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String text(String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry e = file.getJarEntry(entry);
            assertThat(e).as(entry).isNotNull();
            return new String(file.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> natives(String prefix) {
        return entries.stream().filter(e -> e.startsWith(prefix))
                .filter(e -> Pattern.matches(".*\\.(so|dylib|jnilib|dll|a|pdb)$", e)).toList();
    }
}
