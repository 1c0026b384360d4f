package dev.mentorbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Applies {@code --log-format} and {@code --log-level} to Logback once the command line is
 * parsed. Logs always go to stderr: stdout belongs to answers and reports. An operator's own
 * Logback file ({@code -Dlogback.configurationFile=...}) is left alone: it decides appenders,
 * format and levels, and the two options do nothing.
 */
final class Logging {
    /** With MENTOR_BOT_DEBUG set: every exception's stack trace. */
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";
    /**
     * The default: an exception is folded into its line as "(Type: message Caused by: ...)", so a
     * library that logs a failure with its stack trace (the pool, when the database goes away)
     * still writes one line per event.
     */
    static final String ONE_LINE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg"
            + "%replace(%replace(%ex{0}){'\\s+', ' '}){'^(.+?) ?$', ' ($1)'}%nopex%n";
    /** The system property Logback reads its configuration file from. */
    static final String USER_CONFIGURATION = "logback.configurationFile";

    private Logging() {
    }

    /**
     * @param format text or json
     * @param level  the level of the bot's own loggers (libraries stay at warn)
     */
    static void configure(String format, String level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || userConfigured()) {
            return;
        }
        Encoder<ILoggingEvent> encoder;
        if ("json".equals(format)) {
            // One object per line: timestamp (epoch ms), level, threadName, loggerName,
            // formattedMessage (the message with its arguments filled in) and throwable.
            JsonEncoder json = new JsonEncoder();
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMDC(false);
            json.setWithKVPList(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            encoder = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(System.getenv("MENTOR_BOT_DEBUG") != null ? TEXT_PATTERN : ONE_LINE_PATTERN);
            encoder = text;
        }
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        context.getLogger("dev.mentorbot").setLevel(Level.toLevel(level, Level.WARN));
        routeJavaUtilLogging();
    }

    /**
     * The PostgreSQL driver logs through java.util.logging, whose console handler writes two lines
     * per record in a format of its own: its records go through SLF4J to the appender above.
     */
    private static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        }
    }

    /** Whether the operator pointed Logback at a file of their own. */
    static boolean userConfigured() {
        String file = System.getProperty(USER_CONFIGURATION);
        return file != null && !file.isBlank();
    }
}
