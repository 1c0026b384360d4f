package dev.mentorbot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * The type of a message Slack sends over a Socket Mode connection, read as JSON. Slack's own
 * formatting is not a contract: a search for the substring {@code "type":"hello"} misses
 * {@code "type": "hello"}, and matches an envelope whose payload merely contains it.
 */
final class SocketModeMessage {
    /** Slack says the connection is ready. */
    static final String HELLO = "hello";
    /** Slack is about to close the connection; the client opens another. */
    static final String DISCONNECT = "disconnect";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SocketModeMessage() {
    }

    /** The top-level {@code type} of the message, or empty when it is not a JSON object with one. */
    static Optional<String> type(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode type = JSON.readTree(message).path("type");
            return type.isTextual() ? Optional.of(type.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
