package dev.mentorbot.app.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings in force, before the command line: the environment over the config file. Adapters
 * read their settings from {@link #environment()}, so a key in the file works exactly like its
 * variable; command line options win over both (picocli asks {@link #option} for its defaults).
 */
public final class Configuration {
    /** Where a value came from, for {@code config show}. */
    public enum Origin {
        ENVIRONMENT,
        /** The file a {@code VARIABLE_FILE} variable names (see {@link SecretFiles}). */
        SECRET_FILE,
        FILE,
        DEFAULT
    }

    private final Map<String, String> environment;
    private final Map<String, String> processEnvironment;
    private final Optional<ConfigFile> file;
    private final SecretFiles secretFiles;

    private Configuration(Map<String, String> environment, Map<String, String> processEnvironment,
                          Optional<ConfigFile> file, SecretFiles secretFiles) {
        this.environment = environment;
        this.processEnvironment = processEnvironment;
        this.file = file;
        this.secretFiles = secretFiles;
    }

    /** The environment over an optional file. */
    public static Configuration of(Map<String, String> env, Optional<ConfigFile> file) {
        Map<String, String> merged = new HashMap<>();
        file.ifPresent(f -> f.values().forEach((setting, value) -> merged.put(setting.env(), value)));
        env.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                merged.put(k, v);
            }
        });
        // A secret's file counts as its variable: it wins over the config file like the variable would.
        SecretFiles secrets = SecretFiles.read(env);
        merged.putAll(secrets.values());
        Map<String, String> process = new HashMap<>();
        env.forEach((k, v) -> {
            if (v != null) {
                process.put(k, v);
            }
        });
        return new Configuration(Map.copyOf(merged), Map.copyOf(process), file, secrets);
    }

    /** The process environment and no file. */
    public static Configuration ofEnvironment() {
        return of(System.getenv(), Optional.empty());
    }

    /** Every variable, with the file's settings filled in under their variable names. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The value of a setting, if the environment or the file sets it. */
    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(environment.get(setting.env())).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The value a command line option defaults to, if its setting is set. */
    public Optional<String> option(String longName) {
        return Setting.byOption(longName).flatMap(this::get);
    }

    /** Where a setting's value comes from. */
    public Origin origin(Setting setting) {
        String v = processEnvironment.get(setting.env());
        if (v != null && !v.isBlank()) {
            return Origin.ENVIRONMENT;
        }
        if (secretFiles.values().containsKey(setting.env())) {
            return Origin.SECRET_FILE;
        }
        return file.filter(f -> f.values().containsKey(setting)).isPresent() ? Origin.FILE : Origin.DEFAULT;
    }

    /**
     * What is wrong with the settings the environment gives, checked like the file's: one line
     * per bad variable, naming it, and one per {@code VARIABLE_FILE} that cannot be read. Empty
     * when all are fine.
     */
    public List<String> environmentProblems() {
        List<String> problems = new ArrayList<>(secretFiles.problems());
        for (Setting s : Setting.ALL) {
            String v = processEnvironment.get(s.env());
            if (v != null && !v.isBlank()) {
                s.problem(v).ifPresent(p -> problems.add(s.env() + " " + p));
            }
        }
        return problems;
    }

    /** The config file, if one was given. */
    public Optional<ConfigFile> file() {
        return file;
    }
}
