package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mentorbot.app.config.ConfigFile;
import dev.mentorbot.app.config.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The container, compose and systemd recipes cannot be run here, so this test keeps them honest
 * against the code: the commands they run parse with the real command line, every variable they
 * set is a real setting, the paths and ports agree, and the hardening stays in place.
 */
class DeployRecipesTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Pattern VARIABLE = Pattern.compile("\\b((?:MENTOR_BOT|DISCORD|SLACK)_[A-Z_]+)\\b");

    private static String read(String name) throws IOException {
        return Files.readString(DEPLOY.resolve(name));
    }

    /** Parses arguments with the real CLI; returns the names of the (sub)commands matched. */
    private static List<String> parse(List<String> args) {
        CommandLine cl = MentorBotCli.commandLine(new MentorBotCli(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<CommandLine> parsed = cl.parseArgs(args.toArray(String[]::new)).asCommandLineList();
        return parsed.stream().map(CommandLine::getCommandName).toList();
    }

    /** A Dockerfile instruction's JSON array (exec form). */
    private static List<String> execForm(String dockerfile, String instruction) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + instruction + "\\s+(\\[.*])\\s*$").matcher(dockerfile);
        assertThat(m.find()).as(instruction + " in exec form").isTrue();
        List<String> args = new ArrayList<>();
        new ObjectMapper().readTree(m.group(1)).forEach(n -> args.add(n.asText()));
        return args;
    }

    /** The arguments after {@code -jar <file>.jar}. */
    private static List<String> afterJar(List<String> command) {
        int jar = command.indexOf("-jar");
        assertThat(jar).as("a -jar invocation in " + command).isNotNegative();
        assertThat(command.get(jar + 1)).endsWith("/mentor-bot.jar");
        return command.subList(jar + 2, command.size());
    }

    @Test
    void theContainerRunsARealCommandAndAgreesWithTheBuild() throws IOException {
        String dockerfile = read("Dockerfile");
        List<String> entrypoint = execForm(dockerfile, "ENTRYPOINT");
        List<String> cmd = execForm(dockerfile, "CMD");
        List<String> args = new ArrayList<>(afterJar(entrypoint));
        args.addAll(cmd);
        assertThat(parse(args)).containsExactly("mentor-bot", "run");

        // The jar it copies is the one the build produces.
        assertThat(dockerfile).contains("COPY --from=build /src/bot-app/target/mentor-bot.jar /app/mentor-bot.jar");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<outputFile>${project.build.directory}/mentor-bot.jar</outputFile>");
        assertThat(entrypoint).contains("/app/mentor-bot.jar");

        // Non-root, a data volume that is the data dir, and a health check on the admin port.
        assertThat(dockerfile).containsPattern("(?m)^USER mentor$").containsPattern("(?m)^VOLUME /data$")
                .contains("MENTOR_BOT_DATA_DIR=/data").containsPattern("(?m)^STOPSIGNAL SIGTERM$");
        Matcher port = Pattern.compile("MENTOR_BOT_ADMIN_PORT=(\\d+)").matcher(dockerfile);
        assertThat(port.find()).isTrue();
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + port.group(1) + "$");
    }

    @Test
    void theContainerChecksItsHealthWithTheBotsOwnCommandAndNeedsNoCurl() throws IOException {
        String dockerfile = read("Dockerfile");
        Matcher check = Pattern.compile("(?m)^HEALTHCHECK (.*)\\\\\\n\\s+CMD (\\[.*])\\s*$").matcher(dockerfile);
        assertThat(check.find()).as("HEALTHCHECK ... CMD [exec form]").isTrue();
        List<String> command = new ArrayList<>();
        new ObjectMapper().readTree(check.group(2)).forEach(n -> command.add(n.asText()));
        assertThat(command.get(0)).isEqualTo("java");
        // The port comes from the image's MENTOR_BOT_ADMIN_PORT, which the test above ties to EXPOSE.
        assertThat(parse(afterJar(command))).containsExactly("mentor-bot", "health");
        // Docker gives the check its timeout; health gives up on the HTTP answer well before that.
        Matcher timeout = Pattern.compile("--timeout=(\\d+)s").matcher(check.group(1));
        assertThat(timeout.find()).isTrue();
        assertThat(Integer.parseInt(timeout.group(1))).isGreaterThan((int) HealthCli.TIMEOUT.toSeconds());
        assertThat(dockerfile).doesNotContain("curl").doesNotContain("apt-get install");
    }

    @Test
    void theImageHasOciLabelsAndPinnedBaseImages() throws IOException {
        String dockerfile = read("Dockerfile");
        for (String label : List.of("title", "description", "version", "revision", "licenses", "base.name")) {
            assertThat(dockerfile).contains("org.opencontainers.image." + label + "=");
        }
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        List<String> images = new ArrayList<>();
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).hasSize(2).allSatisfy(image -> assertThat(image)
                .as("an exact version (x.y.z), not a moving tag such as 17-jre or latest")
                .matches("[a-z-]+:\\d+\\.\\d+\\.\\d+[-_.a-z0-9]*(@sha256:[0-9a-f]{64})?"));
    }

    @Test
    void composeRunsARealCommandAndKeepsTheAdminPortOnLoopback() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(read("compose.yaml"));
        JsonNode bot = compose.at("/services/bot");
        List<String> command = new ArrayList<>();
        bot.path("command").forEach(n -> command.add(n.asText()));
        assertThat(parse(command)).containsExactly("mentor-bot", "run");
        assertThat(bot.at("/build/dockerfile").asText()).isEqualTo("deploy/Dockerfile");

        // The config it mounts is the example, at the path the command names.
        int config = command.indexOf("--config");
        String mounted = "./mentor-bot.example.yaml:" + command.get(config + 1) + ":ro";
        List<String> volumes = new ArrayList<>();
        bot.path("volumes").forEach(v -> volumes.add(v.asText()));
        assertThat(volumes).contains(mounted, "bot-data:/data");

        List<String> ports = new ArrayList<>();
        bot.path("ports").forEach(p -> ports.add(p.asText()));
        assertThat(ports).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:"));
        assertThat(bot.at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
        assertThat(bot.at("/environment/MENTOR_BOT_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
        // Secrets come from the environment, never written in the file.
        bot.path("environment").properties().forEach(e -> {
            if (Setting.ALL.stream().anyMatch(s -> s.secret() && s.env().equals(e.getKey()))) {
                assertThat(e.getValue().asText()).as(e.getKey()).startsWith("${");
            }
        });
    }

    @Test
    void theSystemdUnitRunsARealCommandWithHardening() throws IOException {
        String unit = read("mentor-bot.service");
        Matcher exec = Pattern.compile("(?m)^ExecStart=(.+)$").matcher(unit);
        assertThat(exec.find()).isTrue();
        List<String> command = Arrays.asList(exec.group(1).strip().split("\\s+"));
        assertThat(command.get(0)).startsWith("/");
        assertThat(parse(afterJar(command))).containsExactly("mentor-bot", "run");

        Map<String, String> keys = Stream.of(unit.split("\n")).map(String::strip)
                .filter(l -> l.matches("[A-Za-z]+=.*"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> a + "\n" + b));
        for (String key : List.of("NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp", "PrivateDevices",
                "ProtectKernelTunables", "ProtectKernelModules", "ProtectControlGroups", "RestrictAddressFamilies",
                "RestrictNamespaces", "LockPersonality", "SystemCallArchitectures", "CapabilityBoundingSet")) {
            assertThat(keys).as("hardening key " + key).containsKey(key);
        }
        assertThat(keys.get("ProtectSystem")).isEqualTo("strict");
        // The JIT needs writable and executable memory.
        assertThat(keys.getOrDefault("MemoryDenyWriteExecute", "no")).isEqualTo("no");
        // The data dir is the state directory systemd creates and lets the service write.
        assertThat(keys.get("Environment")).contains("MENTOR_BOT_DATA_DIR=/var/lib/" + keys.get("StateDirectory"));
        assertThat(Integer.parseInt(keys.get("TimeoutStopSec"))).isGreaterThan(10);
        // A configuration error (exit 2) stops the unit instead of restarting it every few seconds.
        assertThat(keys.get("RestartPreventExitStatus")).isEqualTo(String.valueOf(MentorBotCli.EXIT_BAD_INPUT));
        assertThat(keys.get("SystemCallFilter")).isEqualTo("@system-service");
        assertThat(unit).doesNotContain("EnvironmentFile");
    }

    @Test
    void theSystemdUnitHandsEverySecretOverAsACredentialTheBotReadsThroughItsFileVariable() throws IOException {
        String unit = read("mentor-bot.service");
        Map<String, String> credentialFiles = new java.util.HashMap<>();
        Matcher load = Pattern.compile("(?m)^#?LoadCredential=([a-z-]+):(/\\S+)$").matcher(unit);
        while (load.find()) {
            credentialFiles.put(load.group(1), load.group(2));
        }
        for (Setting secret : Setting.ALL.stream().filter(Setting::secret).toList()) {
            Matcher env = Pattern.compile("(?m)^#?Environment=" + secret.fileEnv() + "=%d/([a-z-]+)$").matcher(unit);
            assertThat(env.find()).as(secret.fileEnv() + " in the unit").isTrue();
            assertThat(credentialFiles).as("a LoadCredential= for " + secret.env()).containsKey(env.group(1));
            assertThat(credentialFiles.get(env.group(1))).startsWith("/etc/mentor-bot/credentials/");
        }
    }

    @Test
    void everyVariableTheRecipesSetIsARealSetting() throws IOException {
        Set<String> known = Setting.ALL.stream().flatMap(s -> Stream.of(s.env(), s.fileEnv()))
                .filter(v -> !v.isEmpty()).collect(Collectors.toSet());
        for (String file : List.of("Dockerfile", "compose.yaml", "mentor-bot.service")) {
            Matcher m = VARIABLE.matcher(read(file));
            while (m.find()) {
                assertThat(known).as(file + " names " + m.group(1)).contains(m.group(1));
            }
        }
    }

    @Test
    void theExampleConfigPassesTheCheckAndHoldsNoSecret() throws Exception {
        ConfigFile example = ConfigFile.load(DEPLOY.resolve("mentor-bot.example.yaml"));
        assertThat(example.values()).containsKey(Setting.ADMIN_PORT);
        assertThat(example.values().keySet()).noneMatch(Setting::secret);
        // The container's health check and published port use the port the example sets.
        assertThat(read("Dockerfile")).contains("MENTOR_BOT_ADMIN_PORT=" + example.values().get(Setting.ADMIN_PORT));
    }
}
