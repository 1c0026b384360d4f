package dev.mentorbot.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An optional YAML config file, read with the line of every value so each problem can be named
 * where it is. Nested maps give dotted keys ({@code admin: {port: 9090}} is {@code admin.port});
 * lists are allowed for list settings. Secrets may be in the file only when the file is readable
 * by its owner alone.
 *
 * @param path   the file
 * @param values value by setting; lists are joined with the path separator, as in the variable
 */
public record ConfigFile(Path path, Map<Setting, String> values) {
    private static final YAMLFactory YAML = new YAMLFactory();

    /** Reads and checks a file; every problem found is in the exception, each with its line. */
    public static ConfigFile load(Path path) throws ConfigException {
        String name = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(List.of(name + ": no such file"));
        }
        List<String> problems = new ArrayList<>();
        Map<Setting, String> values = new LinkedHashMap<>();
        Map<Setting, Integer> lines = new LinkedHashMap<>();
        try (JsonParser p = YAML.createParser(path.toFile())) {
            JsonToken first = p.nextToken();
            if (first != null && first != JsonToken.START_OBJECT) {
                throw new ConfigException(List.of(name + ":" + line(p) + ": the file must be a map of settings, "
                        + "e.g. 'admin:' then '  port: 9090'"));
            }
            if (first != null) {
                readMap(p, "", name, values, lines, problems);
            }
        } catch (JsonProcessingException e) {
            problems.add(name + ":" + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(name + ": cannot read: " + e.getMessage());
        }
        for (Map.Entry<Setting, String> v : values.entrySet()) {
            if (v.getKey().holdsSecret(v.getValue()) && readableByOthers(path)) {
                String what = v.getKey().secret() ? " is a secret" : " holds a password";
                problems.add(name + ":" + lines.get(v.getKey()) + ": " + v.getKey().key() + what + ", but the "
                        + "file is readable by other users: run 'chmod 600 " + name + "' or set "
                        + v.getKey().env() + " in the environment instead");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ConfigFile(path, values);
    }

    private static void readMap(JsonParser p, String prefix, String file, Map<Setting, String> values,
                                Map<Setting, Integer> lines, List<String> problems) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + p.currentName();
            int line = line(p);
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                readMap(p, key + ".", file, values, lines, problems);
                continue;
            }
            var setting = Setting.byKey(key);
            if (setting.isEmpty()) {
                problems.add(file + ":" + line + ": unknown setting '" + key + "'" + suggestion(key));
                p.skipChildren();
                continue;
            }
            Setting s = setting.get();
            String value;
            if (t == JsonToken.START_ARRAY) {
                List<String> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (!p.currentToken().isScalarValue()) {
                        p.skipChildren();
                    }
                    items.add(p.getValueAsString(""));
                }
                if (s.type() != Setting.Type.PATHS) {
                    problems.add(file + ":" + line + ": " + key + " takes one value, not a list");
                    continue;
                }
                value = String.join(File.pathSeparator, items);
            } else if (t == JsonToken.VALUE_NULL) {
                problems.add(file + ":" + line + ": " + key + " has no value");
                continue;
            } else {
                value = p.getValueAsString("");
            }
            var problem = s.problem(value);
            if (problem.isPresent()) {
                problems.add(file + ":" + line + ": " + key + " " + problem.get());
                continue;
            }
            if (values.put(s, value.strip()) != null) {
                problems.add(file + ":" + line + ": " + key + " is set twice");
            }
            lines.put(s, line);
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** A hint for a misspelt key: the known key it most likely meant, if any. */
    private static String suggestion(String key) {
        return NearestKey.to(key, Setting.ALL.stream().map(Setting::key).toList())
                .map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static boolean readableByOthers(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }
}
