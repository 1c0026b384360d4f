package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocketModeMessageTest {
    @Test
    void theTopLevelTypeIsReadWhateverTheLayout() {
        assertThat(SocketModeMessage.type("{\"type\":\"hello\",\"num_connections\":1}")).contains("hello");
        assertThat(SocketModeMessage.type("{\n  \"type\" : \"hello\"\n}")).contains("hello");
        assertThat(SocketModeMessage.type("{ \"reason\": \"warning\", \"type\": \"disconnect\" }")).contains("disconnect");
    }

    @Test
    void aNestedTypeOrSomethingThatIsNotJsonHasNoType() {
        assertThat(SocketModeMessage.type("{\"envelope_id\":\"e1\",\"type\":\"events_api\",\"payload\":{\"event\":"
                + "{\"type\":\"hello\"}}}")).contains("events_api");
        assertThat(SocketModeMessage.type("{\"payload\":{\"type\":\"disconnect\"}}")).isEmpty();
        assertThat(SocketModeMessage.type("\"type\":\"hello\"")).isEmpty();
        assertThat(SocketModeMessage.type("not json {\"type\":\"hello\"}")).isEmpty();
        assertThat(SocketModeMessage.type("[{\"type\":\"hello\"}]")).isEmpty();
        assertThat(SocketModeMessage.type("")).isEmpty();
        assertThat(SocketModeMessage.type(null)).isEmpty();
    }
}
