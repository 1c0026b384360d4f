package dev.mentorbot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class MemberIdTest {
    @Test
    void acceptsPlatformIds() {
        MemberId member = new MemberId("discord", "123456789012345678", "876543210987654321");
        assertThat(member.userId()).isEqualTo("876543210987654321");
        assertThat(member).isEqualTo(new MemberId("discord", "123456789012345678", "876543210987654321"));
    }

    @Test
    void refusesBlankOrMissingParts() {
        assertThatThrownBy(() -> new MemberId(" ", "w", "u")).hasMessage("platform must not be blank");
        assertThatThrownBy(() -> new MemberId("slack", null, "u")).hasMessage("workspace must not be blank");
        assertThatThrownBy(() -> new MemberId("slack", "T1", "")).hasMessage("userId must not be blank");
    }

    @Test
    void refusesOverlongOrControlCharacters() {
        assertThatThrownBy(() -> new MemberId("x".repeat(33), "w", "u"))
                .hasMessage("platform must be at most 32 characters, got 33");
        assertThatThrownBy(() -> new MemberId("slack", "T1", "u".repeat(129)))
                .hasMessage("userId must be at most 128 characters, got 129");
        assertThatThrownBy(() -> new MemberId("slack", "T1\n", "u"))
                .hasMessage("workspace must not contain control characters");
    }
}
