package dev.mentorbot.platform;

import java.util.Optional;

/** A running connection to one chat platform (Discord, Slack). */
public interface PlatformAdapter extends AutoCloseable {
    /** Short lower-case name, e.g. {@code discord}. */
    String name();

    /**
     * Connects and starts serving members. Returns once connected.
     *
     * @throws PlatformException with one clear message (which variable, which setting) when the
     *                           platform refuses the credentials or cannot be reached
     */
    void start() throws PlatformException;

    /** Whether the adapter is connected right now. */
    boolean connected();

    /** How many times the connection was re-established since start (for the reconnect metric). */
    long reconnects();

    /**
     * How this platform sends a member a direct message unprompted (weekly check-ins), if it can.
     * Call it after {@link #start()}.
     */
    default Optional<DirectMessages> directMessages() {
        return Optional.empty();
    }

    /** Stops taking new work, finishes answers in flight (bounded), and disconnects. */
    @Override
    void close();
}
