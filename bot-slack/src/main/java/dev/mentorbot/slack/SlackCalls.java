package dev.mentorbot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the bot calls Slack: Web API calls repeated after a 429, and one log line for an answer
 * Slack refused. Only the API call is ever repeated, never the core request behind it.
 */
final class SlackCalls {
    private static final Logger LOG = LoggerFactory.getLogger(SlackCalls.class);
    static final int RATE_LIMIT_RETRIES = 3;
    static final long MAX_RETRY_AFTER_SECONDS = 30;

    private SlackCalls() {
    }

    /**
     * Calls a Web API method again when Slack answers 429 (rate limited), after the Retry-After it
     * names, so a burst in one channel delays answers instead of losing them.
     */
    static <T> T withRetries(SlackCall<T> call) throws IOException, SlackApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (SlackApiException e) {
                if (e.getResponse() == null || e.getResponse().code() != 429 || attempt > RATE_LIMIT_RETRIES) {
                    throw e;
                }
                long seconds = retryAfterSeconds(e.getResponse().header("Retry-After"));
                LOG.info("slack rate limit: waiting {} s before retry {} of {}", seconds, attempt, RATE_LIMIT_RETRIES);
                try {
                    Thread.sleep(seconds * 1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Retry-After in seconds, at least 1 and at most {@link #MAX_RETRY_AFTER_SECONDS}. */
    static long retryAfterSeconds(String header) {
        try {
            return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Logs a response_url post Slack did not take. */
    static void check(String what, WebhookResponse r) {
        if (r == null || r.getCode() == null || r.getCode() >= 300) {
            LOG.warn("{} answered {}: {}", what, r == null ? null : r.getCode(), r == null ? "" : r.getBody());
        }
    }

    /** Logs a Web API call Slack refused. */
    static void check(String what, boolean ok, String error) {
        if (!ok) {
            LOG.warn("{} failed: {}", what, error);
        }
    }

    /** A Web API call. */
    @FunctionalInterface
    interface SlackCall<T> {
        T call() throws IOException, SlackApiException;
    }
}
