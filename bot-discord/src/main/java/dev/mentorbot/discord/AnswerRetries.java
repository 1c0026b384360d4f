package dev.mentorbot.discord;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an answer to Discord again when Discord fails with a server error (5xx) or the connection
 * fails, so one bad response does not leave a member watching "thinking..." forever. It covers the
 * requests that carry an answer: the interaction callback, the follow-ups and edits of the
 * interaction's webhook, and messages posted in a channel (replies to mentions and DMs, answers in
 * threads). Nothing else is repeated: opening a thread twice would open two.
 *
 * <p>The backoff is short and bounded ({@link #DELAYS}). A callback is only tried while the
 * interaction can still be answered: Discord allows 3 s from the interaction's creation, which its
 * id tells. When a retried callback is refused with 40060 ("already acknowledged"), the earlier
 * attempt reached Discord after all, so it counts as sent.
 *
 * <p>Runs as an OkHttp interceptor inside JDA's requester, so JDA's rate-limit buckets and
 * callbacks see one request. Retries are logged at debug; when every attempt fails the request's
 * own failure handler logs it once. URLs are logged without their interaction tokens.
 */
final class AnswerRetries implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerRetries.class);
    /** Waits before the second, third, fourth and fifth attempt: under 4 s in all. */
    static final List<Duration> DELAYS = List.of(Duration.ofMillis(200), Duration.ofMillis(400),
            Duration.ofMillis(1000), Duration.ofMillis(2000));
    /** How long Discord waits for an interaction's first response. */
    static final Duration CALLBACK_WINDOW = Duration.ofSeconds(3);
    private static final long DISCORD_EPOCH_MILLIS = 1420070400000L;
    private static final Pattern CALLBACK = Pattern.compile(".*/interactions/(\\d+)/[^/]+/callback$");
    private static final Pattern WEBHOOK = Pattern.compile(".*/webhooks/\\d+/[^/]+(/messages/[^/]+)?$");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile(".*/channels/\\d+/messages(/\\d+)?$");
    private static final Pattern TOKEN = Pattern.compile("(/interactions/\\d+/|/webhooks/\\d+/)[^/]+");
    /** Discord's code for a second response to one interaction. */
    private static final String ALREADY_ACKNOWLEDGED = "40060";

    private final Clock clock;
    private final Sleeper sleeper;

    /** The HTTP client JDA uses, as JDA builds its own, with the retries added. */
    static OkHttpClient.Builder httpClient() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(25);
        return new OkHttpClient.Builder().connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
                .dispatcher(dispatcher).addInterceptor(new AnswerRetries());
    }

    AnswerRetries() {
        this(Clock.systemUTC(), Thread::sleep);
    }

    AnswerRetries(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits; a test can make it instant. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String path = request.url().encodedPath();
        Optional<Instant> deadline = callbackDeadline(path);
        boolean answer = deadline.isPresent() || (WEBHOOK.matcher(path).matches() && !"GET".equals(request.method()))
                || (CHANNEL_MESSAGE.matcher(path).matches() && !"GET".equals(request.method()));
        if (!answer || (request.body() != null && request.body().isOneShot())) {
            return chain.proceed(request);
        }
        for (int attempt = 0; ; attempt++) {
            Duration delay = attempt < DELAYS.size() ? DELAYS.get(attempt) : null;
            boolean mayRetry = delay != null && (deadline.isEmpty()
                    || clock.instant().plus(delay).isBefore(deadline.get()));
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (!mayRetry) {
                    throw e;
                }
                LOG.debug("discord: {} {} failed ({}); trying again in {} ms", request.method(), safe(path), e.toString(),
                        delay.toMillis());
                pause(delay, e);
                continue;
            }
            if (attempt > 0 && deadline.isPresent() && acknowledgedBefore(response)) {
                // The attempt that failed had reached Discord: the member has the answer.
                response.close();
                return response.newBuilder().code(204).message("No Content").removeHeader("Content-Length")
                        .body(ResponseBody.create(new byte[0], MediaType.get("application/json"))).build();
            }
            if (response.code() < 500 || !mayRetry) {
                return response;
            }
            LOG.debug("discord: {} {} answered {}; trying again in {} ms", request.method(), safe(path), response.code(),
                    delay.toMillis());
            response.close();
            pause(delay, null);
        }
    }

    private void pause(Duration delay, IOException cause) throws IOException {
        try {
            sleeper.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            IOException stop = new IOException("interrupted while waiting to send an answer again", e);
            if (cause != null) {
                stop.addSuppressed(cause);
            }
            throw stop;
        }
    }

    /** When the interaction of a callback URL can no longer be answered; empty for other URLs. */
    static Optional<Instant> callbackDeadline(String path) {
        Matcher m = CALLBACK.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long created = (Long.parseLong(m.group(1)) >>> 22) + DISCORD_EPOCH_MILLIS;
            return Optional.of(Instant.ofEpochMilli(created).plus(CALLBACK_WINDOW));
        } catch (NumberFormatException e) {
            return Optional.of(Instant.EPOCH);
        }
    }

    private static boolean acknowledgedBefore(Response response) throws IOException {
        if (response.code() != 400) {
            return false;
        }
        // Peek, so that JDA can still read the body when it is another error.
        String body = response.peekBody(4096).string();
        return body.contains("\"code\":" + ALREADY_ACKNOWLEDGED) || body.contains("\"code\": " + ALREADY_ACKNOWLEDGED);
    }

    /** A path fit for a log: interaction and webhook tokens are secrets for 15 minutes. */
    static String safe(String path) {
        return TOKEN.matcher(path).replaceAll("$1{token}");
    }
}
