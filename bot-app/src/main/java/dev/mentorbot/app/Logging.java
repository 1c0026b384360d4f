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

/**
 * Applies {@code --log-format} and {@code --log-level} to Logback once the command line is
 * parsed. Logs always go to stderr: stdout belongs to answers and reports.
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

    private Logging() {
    }

    /**
     * @param format text or json
     * @param level  the level of the bot's own loggers (libraries stay at warn)
     */
    static void configure(String format, String level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
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
     * per record in a format of its own. Its records are handed to the bot's loggers instead (the
     * few lines a driver logs do not justify another dependency).
     */
    private static void routeJavaUtilLogging() {
        java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
        for (java.util.logging.Handler handler : julRoot.getHandlers()) {
            julRoot.removeHandler(handler);
        }
        julRoot.setLevel(java.util.logging.Level.INFO);
        julRoot.addHandler(new java.util.logging.Handler() {
            private final java.util.logging.Formatter formatter = new java.util.logging.SimpleFormatter();

            @Override
            public void publish(java.util.logging.LogRecord record) {
                Logger logger = LoggerFactory.getLogger(record.getLoggerName() == null ? "jul" : record.getLoggerName());
                String message = formatter.formatMessage(record);
                int level = record.getLevel().intValue();
                if (level >= java.util.logging.Level.SEVERE.intValue()) {
                    logger.error(message, record.getThrown());
                } else if (level >= java.util.logging.Level.WARNING.intValue()) {
                    logger.warn(message, record.getThrown());
                } else if (level >= java.util.logging.Level.INFO.intValue()) {
                    logger.info(message, record.getThrown());
                } else {
                    logger.debug(message, record.getThrown());
                }
            }

            @Override
            public void flush() {
                // Logback flushes its own appender.
            }

            @Override
            public void close() {
                // Nothing held.
            }
        });
    }
}
