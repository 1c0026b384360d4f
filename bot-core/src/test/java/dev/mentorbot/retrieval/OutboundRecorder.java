package dev.mentorbot.retrieval;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records every attempt of this JVM to reach an address other than loopback, for a test to fail
 * on. Two nets, because code reaches the network two ways: a {@link ProxySelector}, which every
 * {@code URL} connection asks first (DJL's metadata probe is one), and, while Java still has it, a
 * security manager, whose {@code checkConnect} sees every socket and every name lookup. Neither
 * blocks anything: it only writes down what was tried.
 *
 * <p>Install it once, first thing in a fresh JVM (a child process): a JVM that already ran the
 * code under test may have done its probing before, and DJL probes at most once a day per JVM.
 */
public final class OutboundRecorder {
    private static final List<String> ATTEMPTS = new ArrayList<>();

    private OutboundRecorder() {
    }

    /** Installs both nets; the security manager needs {@code -Djava.security.manager=allow} on Java 18+. */
    @SuppressWarnings("removal")
    public static void install() {
        ProxySelector.setDefault(new Recording());
        try {
            System.setSecurityManager(new Watching());
        } catch (UnsupportedOperationException gone) {
            // Java without a security manager: the proxy selector still sees URL connections.
        }
    }

    /** What was tried so far, as {@code host:port} ({@code host:-1} for a name lookup) or a URI. */
    public static synchronized List<String> attempts() {
        return List.copyOf(ATTEMPTS);
    }

    private static synchronized void record(String what) {
        ATTEMPTS.add(what);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    private static final class Recording extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            if (uri.getHost() == null || !isLoopback(uri.getHost())) {
                record(uri.toString());
            }
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            // Recorded in select already.
        }
    }

    @SuppressWarnings("removal")
    private static final class Watching extends SecurityManager {
        @Override
        public void checkPermission(Permission permission) {
            // Everything is allowed: this manager only watches connections.
        }

        @Override
        public void checkPermission(Permission permission, Object context) {
            // As above.
        }

        @Override
        public void checkConnect(String host, int port) {
            if (!isLoopback(host)) {
                record(host + ":" + port);
            }
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            checkConnect(host, port);
        }
    }
}
