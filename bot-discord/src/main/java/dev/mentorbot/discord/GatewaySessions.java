package dev.mentorbot.discord;

import com.neovisionaries.ws.client.WebSocketException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * JDA's session controller, with the gateway URL the settings name ({@code DISCORD_GATEWAY_URL})
 * and a start that fails fast. JDA retries a first connection that cannot be opened forever,
 * logging a stack trace every few seconds; an operator whose gateway URL is wrong would watch a
 * minute of them before the bot gave up. Until {@link #started()} is called, a shard's first
 * connection that cannot be opened is not queued again: it is kept for {@link #failure()}, so the
 * adapter can stop and say what to fix. After that, JDA's own retries apply, as they should for a
 * connection that worked once and dropped.
 */
final class GatewaySessions extends ConcurrentSessionController {
    private final Optional<String> url;
    private final int shardTotal;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean starting = true;

    /**
     * @param url        the gateway URL, or empty for the one Discord names
     * @param shardTotal the total number of shards, or -1 to ask Discord
     */
    GatewaySessions(Optional<String> url, int shardTotal) {
        this.url = url;
        this.shardTotal = shardTotal;
    }

    /** The URL the shards connect to. */
    String url() {
        return url.orElseGet(super::getGateway);
    }

    /** Why a first connection could not be opened, if one could not. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Every shard is connected: from now on a connection that cannot be opened is retried. */
    void started() {
        starting = false;
    }

    @Override
    public String getGateway() {
        return url();
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        if (url.isEmpty() || shardTotal == -1) {
            return super.getShardedGateway(api);
        }
        return new ShardedGateway(url.get(), shardTotal);
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        super.appendSession(new FailFast(node));
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        // The queue holds the wrappers; FailFast's equals matches the node it wraps.
        super.removeSession(new FailFast(node));
    }

    /** A connect node whose first connection, when it cannot be opened, is reported instead of retried. */
    private final class FailFast implements SessionConnectNode {
        private final SessionConnectNode node;

        FailFast(SessionConnectNode node) {
            this.node = node instanceof FailFast wrapped ? wrapped.node : node;
        }

        @Override
        public boolean isReconnect() {
            return node.isReconnect();
        }

            @Override
        public JDA getJDA() {
            return node.getJDA();
        }

            @Override
        public JDA.ShardInfo getShardInfo() {
            return node.getShardInfo();
        }

        @Override
        public void run(boolean isLast) throws InterruptedException {
            try {
                node.run(isLast);
            } catch (IllegalStateException e) {
                // JDA wraps what stopped the WebSocket from opening (refused, unknown host, a
                // handshake that is not a gateway's) in an IllegalStateException.
                boolean unopened = e.getCause() instanceof IOException || e.getCause() instanceof WebSocketException;
                if (!starting || node.isReconnect() || !unopened) {
                    throw e;
                }
                failure.compareAndSet(null, e.getCause());
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FailFast other && other.node.equals(node);
        }

        @Override
        public int hashCode() {
            return Objects.hash(node);
        }
    }
}
