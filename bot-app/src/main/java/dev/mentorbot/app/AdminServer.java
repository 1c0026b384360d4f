package dev.mentorbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP port ({@code --admin-port}): {@code GET /healthz} (200 when ready, 503 and
 * which part is not), {@code GET /metrics} (Prometheus text format) and {@code POST /reload}
 * (rebuild the content index). Bound to 127.0.0.1 unless {@code --admin-bind} says otherwise.
 */
final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One part of the bot the health check looks at.
     *
     * @param name   e.g. {@code content}, {@code discord}
     * @param ready  whether it is ready
     * @param detail what an operator should know
     */
    record Check(String name, boolean ready, String detail) {
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private AdminServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param bind     address to listen on
     * @param port     port (0 picks a free one)
     * @param health   the checks, evaluated on each request
     * @param registry where the metrics are
     * @param reload   what {@code POST /reload} runs
     */
    static AdminServer start(String bind, int port, Supplier<List<Check>> health, PrometheusMeterRegistry registry,
                             Supplier<ContentReloader.Result> reload) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mentor-bot-admin");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/healthz", exchange -> {
            if (!method(exchange, "GET")) {
                return;
            }
            List<Check> checks = health.get();
            boolean ready = checks.stream().allMatch(Check::ready);
            ObjectNode body = JSON.createObjectNode().put("status", ready ? "ready" : "not ready");
            ObjectNode parts = body.putObject("checks");
            checks.forEach(c -> parts.putObject(c.name()).put("ready", c.ready()).put("detail", c.detail()));
            send(exchange, ready ? 200 : 503, "application/json", JSON.writeValueAsString(body) + "\n");
        });
        server.createContext("/metrics", exchange -> {
            if (method(exchange, "GET")) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            }
        });
        server.createContext("/reload", exchange -> {
            if (!method(exchange, "POST")) {
                return;
            }
            ContentReloader.Result r = reload.get();
            ObjectNode body = JSON.createObjectNode().put("status", r.ok() ? "reloaded" : "failed")
                    .put("message", r.message()).put("documents", r.documents());
            send(exchange, r.ok() ? 200 : 422, "application/json", JSON.writeValueAsString(body) + "\n");
        });
        server.createContext("/", exchange -> send(exchange, 404, "text/plain",
                "Not found. Try /healthz, /metrics or POST /reload.\n"));
        server.start();
        return new AdminServer(server, executor);
    }

    /** The port it listens on (useful when 0 was asked). */
    int port() {
        return server.getAddress().getPort();
    }

    private static boolean method(HttpExchange exchange, String expected) throws IOException {
        if (exchange.getRequestMethod().equals(expected)) {
            return true;
        }
        exchange.getResponseHeaders().add("Allow", expected);
        send(exchange, 405, "text/plain", "Use " + expected + ".\n");
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
        LOG.debug("admin port closed");
    }
}
