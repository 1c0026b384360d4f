package dev.mentorbot.app.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One setting of the bot: its key in the config file, its environment variable, its command line
 * option (if any), what values it takes and whether it is a secret (never printed, never logged).
 *
 * @param key         dotted key in the YAML file, e.g. {@code admin.port}
 * @param env         environment variable, e.g. {@code MENTOR_BOT_ADMIN_PORT}
 * @param option      the command line option that also sets it, or empty
 * @param type        what values it takes
 * @param choices     the allowed values of a {@link Type#CHOICE}
 * @param defaultText the default, as shown to operators (empty: none)
 * @param secret      whether the value is a credential
 * @param description one line for {@code config show} and the docs
 */
public record Setting(String key, String env, String option, Type type, List<String> choices, String defaultText,
                     boolean secret, String description) {
    /** What values a setting takes. */
    public enum Type {
        TEXT, PATH, PATHS, BOOLEAN, PORT, POSITIVE, NON_NEGATIVE, CHOICE, URL,
        /** A JDBC URL; like every URL it may carry a password, which is masked wherever it is shown. */
        JDBC_URL
    }

    public static final Setting CONTENT = plain("content.dir", "MENTOR_BOT_CONTENT", "--content", Type.PATH, "",
            "Use only this folder's content instead of the bundled knowledge base");
    // No option here: --extra-content is a repeatable list, merged in MentorBotCli#extraFolders.
    public static final Setting EXTRA_CONTENT = plain("content.extra", "MENTOR_BOT_EXTRA_CONTENT", "",
            Type.PATHS, "", "Folders added to the knowledge base (a list; ':'-separated in the variable)");
    public static final Setting WATCH_CONTENT = plain("content.watch", "MENTOR_BOT_WATCH_CONTENT", "--watch-content",
            Type.BOOLEAN, "false", "Rebuild the index when content files change (run only)");
    public static final Setting LEXICAL_ONLY = plain("retrieval.lexical-only", "MENTOR_BOT_LEXICAL_ONLY",
            "--lexical-only", Type.BOOLEAN, "false", "Turn the sentence embeddings off (BM25 only)");
    public static final Setting DATA_DIR = plain("storage.data-dir", "MENTOR_BOT_DATA_DIR", "--data-dir", Type.PATH,
            "$XDG_DATA_HOME/mentor-bot, else ~/.local/share/mentor-bot", "Where the SQLite database lives");
    public static final Setting DB_URL = plain("storage.db-url", "MENTOR_BOT_DB_URL", "--db-url", Type.JDBC_URL, "",
            "PostgreSQL JDBC URL instead of SQLite, e.g. jdbc:postgresql://db:5432/mentor");
    public static final Setting DB_USER = plain("storage.db-user", "MENTOR_BOT_DB_USER", "", Type.TEXT, "",
            "PostgreSQL user");
    public static final Setting DB_PASSWORD = secret("storage.db-password", "MENTOR_BOT_DB_PASSWORD",
            "PostgreSQL password");
    public static final Setting LOG_QUESTIONS = new Setting("privacy.log-questions", "MENTOR_BOT_LOG_QUESTIONS",
            "--log-questions", Type.CHOICE, List.of("full", "hashed", "off"), "full", false,
            "What the question log keeps");
    public static final Setting QUESTION_RETENTION = plain("privacy.question-retention-days",
            "MENTOR_BOT_QUESTION_RETENTION_DAYS", "", Type.POSITIVE, "180",
            "Logged questions older than this are deleted (run checks every hour)");
    public static final Setting LOG_FORMAT = new Setting("log.format", "MENTOR_BOT_LOG_FORMAT", "--log-format",
            Type.CHOICE, List.of("text", "json"), "text", false, "Log lines as text or as JSON (one object per line)");
    public static final Setting LOG_LEVEL = new Setting("log.level", "MENTOR_BOT_LOG_LEVEL", "--log-level",
            Type.CHOICE, List.of("error", "warn", "info", "debug"), "info for run, warn for the other commands",
            false, "How much the bot logs (debug: one line per request, never member text)");
    public static final Setting ADMIN_PORT = plain("admin.port", "MENTOR_BOT_ADMIN_PORT", "--admin-port", Type.PORT,
            "", "Serve /livez, /readyz, /healthz, /metrics and /reload on this port (off when unset; 0 picks a free port)");
    public static final Setting ADMIN_BIND = plain("admin.bind", "MENTOR_BOT_ADMIN_BIND", "--admin-bind", Type.TEXT,
            "127.0.0.1", "Address the admin port listens on");
    public static final Setting ADMIN_TOKEN = secret("admin.token", "MENTOR_BOT_ADMIN_TOKEN",
            "Bearer token that POST /reload and the reload command need (reload over HTTP is off when unset)");
    public static final Setting MEMBER_BURST = plain("limits.member-burst", "MENTOR_BOT_RATE_MEMBER_BURST", "",
            Type.POSITIVE, "10", "Requests a member may send at once");
    public static final Setting MEMBER_PER_MINUTE = plain("limits.member-per-minute",
            "MENTOR_BOT_RATE_MEMBER_PER_MINUTE", "", Type.POSITIVE, "30", "Sustained requests per member per minute");
    public static final Setting GLOBAL_PER_SECOND = plain("limits.global-per-second",
            "MENTOR_BOT_RATE_GLOBAL_PER_SECOND", "", Type.POSITIVE, "40",
            "Sustained requests per second for the whole bot (keeps it under the platforms' limits)");
    public static final Setting SHUTDOWN_GRACE = plain("shutdown.grace-seconds", "MENTOR_BOT_SHUTDOWN_GRACE_SECONDS",
            "", Type.POSITIVE, "10", "How long a stop waits for answers in flight");
    public static final Setting ANSWERS_VISIBILITY = new Setting("answers.visibility", "MENTOR_BOT_ANSWERS_VISIBILITY",
            "", Type.CHOICE, List.of("private", "public"), "private", false,
            "Who sees answers to /ask and /mentor QUESTION: the asker, with a Share in channel button, or everyone");
    public static final Setting CHECKINS_ENABLED = plain("checkins.enabled", "MENTOR_BOT_CHECKINS", "", Type.BOOLEAN,
            "false", "Weekly check-in DMs, which each member then opts in to with checkin on (run only)");
    public static final Setting CHECKINS_PER_MINUTE = plain("checkins.per-minute", "MENTOR_BOT_CHECKINS_PER_MINUTE", "",
            Type.POSITIVE, "20", "Check-in DMs sent per minute at most, spread evenly over the minute");
    public static final Setting DISCORD_TOKEN = secret("discord.token", "DISCORD_TOKEN", "Discord bot token");
    public static final Setting SLACK_BOT_TOKEN = secret("slack.bot-token", "SLACK_BOT_TOKEN", "Slack bot token (xoxb-)");
    public static final Setting SLACK_APP_TOKEN = secret("slack.app-token", "SLACK_APP_TOKEN",
            "Slack app-level token for Socket Mode (xapp-)");
    public static final Setting SLACK_SIGNING_SECRET = secret("slack.signing-secret", "SLACK_SIGNING_SECRET",
            "Slack signing secret (HTTP mode)");
    public static final Setting DISCORD_DEFER_AFTER = plain("discord.defer-after-ms", "DISCORD_DEFER_AFTER_MS", "",
            Type.NON_NEGATIVE, "1500", "Defer a slash command reply when the answer takes longer than this (at most 2500)");
    public static final Setting SLACK_HTTP_PORT = plain("slack.http-port", "SLACK_HTTP_PORT", "--slack-http-port",
            Type.PORT, "", "Serve Slack over HTTP on this port instead of Socket Mode");

    public static final Setting SLACK_HTTP_BIND = plain("slack.http-host", "SLACK_HTTP_HOST", "--slack-http-bind",
            Type.TEXT, "0.0.0.0", "Address the Slack HTTP port binds (127.0.0.1 behind a reverse proxy on the same host)");
    public static final Setting CONTENT_MAX_FILE_KB = plain("content.max-file-kb", "MENTOR_BOT_CONTENT_MAX_FILE_KB", "",
            Type.POSITIVE, "1024", "Largest content file, in KB; a bigger one is reported, never read");
    public static final Setting CONTENT_MAX_FILES = plain("content.max-files", "MENTOR_BOT_CONTENT_MAX_FILES", "",
            Type.POSITIVE, "1000", "Most content files (.md, .txt, .yaml) in all content folders together");
    public static final Setting CONTENT_MAX_LINE_CHARS = plain("content.max-line-chars",
            "MENTOR_BOT_CONTENT_MAX_LINE_CHARS", "", Type.POSITIVE, "20000", "Longest line in a content file, in characters");
    public static final Setting CONTENT_MAX_PASSAGES = plain("content.max-passages", "MENTOR_BOT_CONTENT_MAX_PASSAGES",
            "", Type.POSITIVE, "5000", "Most passages (article sections and FAQ entries) in the knowledge base");
    public static final Setting DB_MAX_SIZE_MB = plain("storage.max-size-mb", "MENTOR_BOT_DB_MAX_SIZE_MB", "",
            Type.POSITIVE, "", "Largest size of the SQLite database, in MB; past it nothing more is logged (off when unset)");

    public static final Setting SLACK_THREAD_FOLLOW_UPS = plain("slack.thread-follow-ups",
            "MENTOR_BOT_SLACK_THREAD_FOLLOW_UPS", "", Type.BOOLEAN, "true",
            "Answer replies without a mention in threads the bot answered in (needs channels:history, groups:history)");

    /** Every setting, in the order {@code config show} lists them. */
    public static final List<Setting> ALL = List.of(CONTENT, EXTRA_CONTENT, WATCH_CONTENT, CONTENT_MAX_FILE_KB,
            CONTENT_MAX_FILES, CONTENT_MAX_LINE_CHARS, CONTENT_MAX_PASSAGES, LEXICAL_ONLY, DATA_DIR, DB_MAX_SIZE_MB,
            DB_URL, DB_USER, DB_PASSWORD, LOG_QUESTIONS, QUESTION_RETENTION, LOG_FORMAT, LOG_LEVEL, ADMIN_PORT, ADMIN_BIND,
            ADMIN_TOKEN, MEMBER_BURST,
            MEMBER_PER_MINUTE, GLOBAL_PER_SECOND, SHUTDOWN_GRACE, ANSWERS_VISIBILITY, CHECKINS_ENABLED, CHECKINS_PER_MINUTE,
            DISCORD_TOKEN,
            plain("discord.application-id", "DISCORD_APPLICATION_ID", "", Type.TEXT, "",
                    "Application id (read from the token when unset)"),
            plain("discord.shard-count", "DISCORD_SHARD_COUNT", "", Type.TEXT, "1",
                    "Total shards, or auto to ask Discord"),
            plain("discord.shard-ids", "DISCORD_SHARD_IDS", "", Type.TEXT, "all",
                    "The shards this process runs, e.g. 0-3 or 0,2"),
            plain("discord.rest-url", "DISCORD_REST_URL", "", Type.URL, "https://discord.com/api/v10/",
                    "REST base URL (for a REST proxy)"),
            plain("discord.gateway-url", "DISCORD_GATEWAY_URL", "", Type.URL, "", "Gateway URL (for a gateway proxy)"),
            new Setting("discord.gateway-compression", "DISCORD_GATEWAY_COMPRESSION", "", Type.CHOICE,
                    List.of("zlib", "none"), "zlib", false, "Gateway compression"),
            DISCORD_DEFER_AFTER,
            plain("discord.message-content", "DISCORD_MESSAGE_CONTENT", "", Type.BOOLEAN, "false",
                    "Ask for the privileged Message Content intent to answer follow-ups without a mention in the bot's "
                            + "threads (switch it on in the Developer Portal too)"),
            SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, SLACK_HTTP_PORT,
            SLACK_HTTP_BIND,
            plain("slack.api-url", "SLACK_API_URL", "", Type.URL, "https://slack.com/api/",
                    "Slack Web API base URL (GovSlack, proxies)"),
            SLACK_THREAD_FOLLOW_UPS);

    private static Setting plain(String key, String env, String option, Type type, String defaultText,
                                 String description) {
        return new Setting(key, env, option, type, List.of(), defaultText, false, description);
    }

    private static Setting secret(String key, String env, String description) {
        return new Setting(key, env, "", Type.TEXT, List.of(), "", true, description);
    }

    /**
     * The variable naming a file that holds this secret, e.g. {@code DISCORD_TOKEN_FILE}; empty for
     * settings that are not secrets.
     */
    public String fileEnv() {
        return secret ? env + SecretFiles.SUFFIX : "";
    }

    /** The setting a file key names. */
    public static Optional<Setting> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The setting a command line option (its long name) stands for. */
    public static Optional<Setting> byOption(String option) {
        return ALL.stream().filter(s -> !s.option().isEmpty() && s.option().equals(option)).findFirst();
    }

    /**
     * Checks one value; returns what is wrong with it, or empty when it is fine. Lists are given
     * as their items joined by the path separator.
     */
    public Optional<String> problem(String value) {
        String v = value.strip();
        return switch (type) {
            case TEXT, PATH, PATHS, JDBC_URL -> v.isEmpty() ? Optional.of("is empty") : Optional.empty();
            case BOOLEAN -> v.equals("true") || v.equals("false") ? Optional.empty()
                    : Optional.of("must be true or false, not '" + v + "'");
            case PORT -> integer(v, 0, 65_535);
            case POSITIVE -> integer(v, 1, Integer.MAX_VALUE);
            case NON_NEGATIVE -> integer(v, 0, Integer.MAX_VALUE);
            case CHOICE -> choices.contains(v.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("must be one of " + String.join(", ", choices) + ", not '" + v + "'");
            case URL -> v.matches("(?i)(https?|wss?)://\\S+") ? Optional.empty()
                    : Optional.of("must be an http(s):// or ws(s):// URL, not '" + Secrets.maskInUrl(v) + "'");
        };
    }

    private static Optional<String> integer(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            return n >= min && n <= max ? Optional.empty()
                    : Optional.of("must be between " + min + " and " + max + ", not " + n);
        } catch (NumberFormatException e) {
            return Optional.of("must be a whole number, not '" + v + "'");
        }
    }

    /**
     * A value safe to print: secrets keep only a documented prefix such as {@code xoxb-}, and URLs
     * lose any password written into them.
     */
    public String shown(String value) {
        if (secret) {
            return Secrets.mask(value);
        }
        return type == Type.URL || type == Type.JDBC_URL ? Secrets.maskInUrl(value) : value;
    }

    /** Whether this value holds a credential: a secret setting, or a URL with a password in it. */
    public boolean holdsSecret(String value) {
        return secret || (type == Type.URL || type == Type.JDBC_URL) && Secrets.urlHoldsCredentials(value);
    }
}
