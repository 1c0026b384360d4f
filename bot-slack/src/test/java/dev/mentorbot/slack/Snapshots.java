package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares JSON with a snapshot file under {@code src/test/resources/blockkit}. Run with
 * {@code -Dsnapshots.update=true} to (re)write the files, then review the diff.
 */
final class Snapshots {
    private static final Gson GSON = GsonFactory.createSnakeCase().newBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Snapshots() {
    }

    static String json(Object value) {
        return GSON.toJson(value);
    }

    static void assertMatches(String name, Object value) throws IOException {
        String actual = json(value) + "\n";
        if (Boolean.getBoolean("snapshots.update")) {
            Path file = Path.of("src/test/resources/blockkit", name + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = Snapshots.class.getResourceAsStream("/blockkit/" + name + ".json")) {
            assertThat(in).as("snapshot blockkit/%s.json (run with -Dsnapshots.update=true to create it)", name)
                    .isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(JsonParser.parseString(actual)).as("snapshot " + name).isEqualTo(JsonParser.parseString(expected));
        }
    }
}
