package dev.mentorbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.ServletAdapterOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's HTTP endpoint, hardened: reads the raw body once, checks its signature and timestamp
 * ({@link RequestSignature}) before anything parses it, then hands the same bytes to Bolt (which
 * checks the signature again). Bolt's own servlet re-joins the body's lines, which can change it.
 */
final class VerifiedSlackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(VerifiedSlackServlet.class);
    /** Slack payloads are far smaller; anything bigger is not from Slack. */
    static final int MAX_BODY = 1 << 20;

    private final transient App app;
    private final transient RequestSignature signature;
    private final transient SlackRequestParser parser;
    private final transient Clock clock;

    VerifiedSlackServlet(App app, RequestSignature signature, Clock clock) {
        this.app = app;
        this.signature = signature;
        this.parser = new SlackRequestParser(app.config());
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            write(resp, 413, "Payload Too Large");
            return;
        }
        if (!signature.verify(req.getHeader("X-Slack-Request-Timestamp"), req.getHeader("X-Slack-Signature"), body,
                clock.instant())) {
            LOG.warn("rejected a request with a bad signature or a timestamp more than 5 minutes off");
            write(resp, 401, "Invalid signature");
            return;
        }
        try {
            Request<?> slackReq = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(req.getRequestURI())
                    .queryString(QueryStringParser.toMap(req.getQueryString()))
                    .headers(new RequestHeaders(headers(req)))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(req.getRemoteAddr())
                    .build());
            if (slackReq == null) {
                write(resp, 400, "Invalid Request");
                return;
            }
            ServletAdapterOps.writeResponse(resp, app.run(slackReq));
        } catch (RuntimeException e) {
            // A signed but malformed payload (not JSON, unknown shape): the sender gets a 400.
            LOG.warn("could not read a signed Slack request: {}", e.toString());
            write(resp, 400, "Invalid Request");
        } catch (Exception e) {
            LOG.error("failed to handle a Slack request", e);
            ServletAdapterOps.writeResponse(resp, Response.builder().statusCode(500).contentType("application/json")
                    .body("{\"error\":\"Something is wrong\"}").build());
        }
    }

    private static void write(HttpServletResponse resp, int status, String text) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().write(text);
    }

    private static Map<String, List<String>> headers(HttpServletRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(req.getHeaders(name))));
        }
        return headers;
    }
}
