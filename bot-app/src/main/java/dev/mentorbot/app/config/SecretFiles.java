package dev.mentorbot.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets read from files named by {@code VARIABLE_FILE} (e.g. {@code DISCORD_TOKEN_FILE}), as
 * Docker and Kubernetes secrets and systemd's {@code LoadCredential=} hand them over: the token
 * stays out of the process environment, which other tools and child processes can read. The file's
 * content is the value, less the line break an editor or {@code echo} leaves at its end.
 *
 * @param values   the value read for each secret's variable, e.g. {@code DISCORD_TOKEN}
 * @param problems one line per variable that cannot be used, naming it (never the secret)
 */
record SecretFiles(Map<String, String> values, List<String> problems) {
    /** The suffix that turns a secret's variable into the variable naming its file. */
    static final String SUFFIX = "_FILE";

    /** Reads the file of every secret whose {@code _FILE} variable the environment sets. */
    static SecretFiles read(Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Setting s : Setting.ALL) {
            if (!s.secret()) {
                continue;
            }
            String fileVariable = s.env() + SUFFIX;
            String file = env.get(fileVariable);
            if (file == null || file.isBlank()) {
                continue;
            }
            String direct = env.get(s.env());
            if (direct != null && !direct.isBlank()) {
                problems.add(s.env() + " and " + fileVariable + " are both set: keep one");
                continue;
            }
            Path path = Path.of(file.strip());
            try {
                String value = Files.readString(path, StandardCharsets.UTF_8).replaceFirst("[\\r\\n]+\\z", "");
                if (value.isBlank()) {
                    problems.add(fileVariable + " names an empty file: " + path);
                } else {
                    values.put(s.env(), value);
                }
            } catch (NoSuchFileException e) {
                problems.add(fileVariable + " names a file that does not exist: " + path);
            } catch (AccessDeniedException e) {
                problems.add(fileVariable + " names a file this user cannot read: " + path);
            } catch (IOException | SecurityException e) {
                problems.add(fileVariable + " names a file that cannot be read: " + path + " ("
                        + (Files.isDirectory(path) ? "a folder" : e.getClass().getSimpleName()) + ")");
            }
        }
        return new SecretFiles(Map.copyOf(values), List.copyOf(problems));
    }
}
