package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * JSON snapshots under {@code src/test/resources/snapshots}: the JSON is normalised (keys sorted,
 * pretty-printed) and compared with the file. A missing file is written and the test fails once,
 * so a new snapshot is always looked at; {@code -Dsnapshots.update=true} rewrites them all.
 */
final class Snapshots {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Snapshots() {
    }

    static String normalise(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            Object plain = JSON.treeToValue(tree, Object.class);
            return JSON.writeValueAsString(plain) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatches(String name, String json) {
        String actual = normalise(json);
        String resource = "/snapshots/" + name + ".json";
        Path source = Path.of("src/test/resources/snapshots", name + ".json");
        boolean update = Boolean.getBoolean("snapshots.update");
        try (InputStream in = Snapshots.class.getResourceAsStream(resource)) {
            if (in == null || update) {
                Files.createDirectories(source.getParent());
                Files.writeString(source, actual, StandardCharsets.UTF_8);
                if (in == null) {
                    throw new AssertionFailedError("new snapshot written to " + source + ": review it and run again");
                }
                return;
            }
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(actual).as("snapshot " + name).isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
