package dev.mentorbot.slack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Requests to an HTTP-mode adapter's endpoint, signed as Slack signs them: the one place the tests build them. */
final class SignedRequests {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private SignedRequests() {
    }

    /** A POST of {@code body} stamped {@code epochSecond}, ready for more headers. */
    static HttpRequest.Builder builder(int port, RequestSignature signer, String contentType, String body,
                                       long epochSecond) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(epochSecond);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SlackAdapter.EVENTS_PATH))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signer.sign(ts, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    /** A POST of {@code body} signed now. */
    static HttpRequest request(int port, RequestSignature signer, String contentType, String body) {
        return builder(port, signer, contentType, body, Instant.now().getEpochSecond()).build();
    }
}
