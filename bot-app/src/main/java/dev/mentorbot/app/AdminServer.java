package dev.mentorbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP port ({@code --admin-port}): {@code /livez} (200 while the process serves),
 * {@code /readyz} and its older name {@code /healthz} (200 when ready, 503 and which part is
 * not), {@code /metrics} (Prometheus text format) and {@code POST /reload} (rebuild the content
 * index; needs the admin token, off without one). Bound to 127.0.0.1 unless {@code --admin-bind}
 * says otherwise.
 *
 * <p>Served by Jetty rather than the JDK's HttpServer, whose two worker threads each blocked on a
 * half-sent request: two stalled connections froze the health check for a minute. Jetty parses
 * requests without holding a thread, drops connections idle for {@link Limits#idleTimeout()}, and
 * stops accepting beyond {@link Limits#maxConnections()}.
 */
final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One part of the bot the readiness check looks at.
     *
     * @param name   e.g. {@code content}, {@code discord}, {@code database}
     * @param ready  whether it is ready
     * @param detail what an operator should know
     */
    record Check(String name, boolean ready, String detail) {
    }

    /**
     * How much the port lets its clients hold.
     *
     * @param idleTimeout    a connection that sends nothing for this long (a half-sent request
     *                       included) is closed
     * @param maxConnections open connections beyond which no more are accepted until some close
     * @param maxThreads     threads that run requests (Jetty also takes its acceptor and selector from these)
     */
    record Limits(Duration idleTimeout, int maxConnections, int maxThreads) {
        /**
         * Ten seconds is ample for a probe or a scrape on loopback or a private network. A
         * thousand connections keeps well under the usual 1024+ file limit while leaving room for
         * probes beside hundreds of stalled clients; eight threads keep CPU and memory modest.
         */
        static final Limits DEFAULTS = new Limits(Duration.ofSeconds(10), 1_000, 8);
    }

    private final Server server;
    /** Kept from the start: Jetty forgets the port once stopped, and messages still name it. */
    private final int port;

    private AdminServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts serving with the {@link Limits#DEFAULTS}.
     *
     * @param bind     address to listen on
     * @param port     port (0 picks a free one)
     * @param health   the readiness checks, evaluated on each request
     * @param registry where the metrics are
     * @param reload   what {@code POST /reload} runs
     * @param token    the token {@code POST /reload} requires; empty turns reload over HTTP off
     * @throws IOException when the port cannot be opened (in use, bad address)
     */
    static AdminServer start(String bind, int port, Supplier<List<Check>> health, PrometheusMeterRegistry registry,
                             Supplier<ContentReloader.Result> reload, Optional<AdminToken> token) throws IOException {
        return start(bind, port, health, registry, reload, token, Limits.DEFAULTS);
    }

    /** Starts serving with the given limits (tests shorten the idle timeout). */
    static AdminServer start(String bind, int port, Supplier<List<Check>> health, PrometheusMeterRegistry registry,
                             Supplier<ContentReloader.Result> reload, Optional<AdminToken> token, Limits limits)
            throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 2,
                (int) limits.idleTimeout().toMillis());
        threads.setName("mentor-bot-admin");
        // Daemon threads: the port must never be what keeps a stopping JVM alive.
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        http.setRequestHeaderSize(8 * 1024);
        // One acceptor and one selector: a few clients at a time, and the cores are shared.
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(bind);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        NetworkConnectionLimit limit = new NetworkConnectionLimit(limits.maxConnections(), connector);
        // At the limit, connections that stall are dropped sooner, so probes get in again quickly.
        limit.setEndPointIdleTimeout(Math.min(1_000, limits.idleTimeout().toMillis()));
        server.addBean(limit);
        server.setHandler(new Routes(health, registry, reload, token));
        server.setStopTimeout(1_000);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
        return new AdminServer(server, connector.getLocalPort());
    }

    /** The port it listens on (useful when 0 was asked). */
    int port() {
        return port;
    }

    @Override
    public void close() {
        stopQuietly(server);
        LOG.debug("admin port closed");
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping the admin port: {}", e.toString());
        }
    }

    /** The admin endpoints, one branch each. */
    private static final class Routes extends Handler.Abstract {
        private final Supplier<List<Check>> health;
        private final PrometheusMeterRegistry registry;
        private final Supplier<ContentReloader.Result> reload;
        private final Optional<AdminToken> token;

        Routes(Supplier<List<Check>> health, PrometheusMeterRegistry registry, Supplier<ContentReloader.Result> reload,
               Optional<AdminToken> token) {
            this.health = health;
            this.registry = registry;
            this.reload = reload;
            this.token = token;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            switch (path) {
                case "/livez" -> {
                    if (readOnly(method, response, callback)) {
                        send(response, callback, 200, "application/json", "{\"status\":\"live\"}\n");
                    }
                }
                case "/readyz", "/healthz" -> {
                    if (readOnly(method, response, callback)) {
                        readiness(response, callback);
                    }
                }
                case "/metrics" -> {
                    if (readOnly(method, response, callback)) {
                        send(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
                    }
                }
                case "/reload" -> {
                    if (method.equals("POST")) {
                        reload(request, response, callback);
                    } else {
                        response.getHeaders().put(HttpHeader.ALLOW, "POST");
                        send(response, callback, 405, "text/plain", "Use POST.\n");
                    }
                }
                default -> send(response, callback, 404, "text/plain",
                        "Not found. Try /livez, /readyz, /healthz, /metrics or POST /reload.\n");
            }
            return true;
        }

        /** GET and HEAD; anything else gets 405. Jetty leaves the body out of a HEAD answer. */
        private static boolean readOnly(String method, Response response, Callback callback) {
            if (method.equals("GET") || method.equals("HEAD")) {
                return true;
            }
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            send(response, callback, 405, "text/plain", "Use GET or HEAD.\n");
            return false;
        }

        private void readiness(Response response, Callback callback) throws IOException {
            List<Check> checks = health.get();
            boolean ready = checks.stream().allMatch(Check::ready);
            ObjectNode body = JSON.createObjectNode().put("status", ready ? "ready" : "not ready");
            ObjectNode parts = body.putObject("checks");
            checks.forEach(c -> parts.putObject(c.name()).put("ready", c.ready()).put("detail", c.detail()));
            send(response, callback, ready ? 200 : 503, "application/json", JSON.writeValueAsString(body) + "\n");
        }

        private void reload(Request request, Response response, Callback callback) throws IOException {
            if (token.isEmpty()) {
                send(response, callback, 403, "application/json", message("off",
                        "POST /reload is off: set MENTOR_BOT_ADMIN_TOKEN (admin.token) to turn it on, "
                                + "and send it as 'Authorization: Bearer <token>'."));
                return;
            }
            if (!token.get().accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"mentor-bot admin\"");
                send(response, callback, 401, "application/json", message("unauthorized",
                        "POST /reload needs the admin token (MENTOR_BOT_ADMIN_TOKEN) as "
                                + "'Authorization: Bearer <token>'; none or another was sent."));
                return;
            }
            ContentReloader.Result r = reload.get();
            ObjectNode body = JSON.createObjectNode().put("status", r.ok() ? "reloaded" : "failed")
                    .put("message", r.message()).put("documents", r.documents());
            send(response, callback, r.ok() ? 200 : 422, "application/json", JSON.writeValueAsString(body) + "\n");
        }

        private static String message(String status, String message) throws IOException {
            return JSON.writeValueAsString(JSON.createObjectNode().put("status", status).put("message", message))
                    + "\n";
        }

        private static void send(Response response, Callback callback, int status, String type, String body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            Content.Sink.write(response, true, body, callback);
        }
    }
}
