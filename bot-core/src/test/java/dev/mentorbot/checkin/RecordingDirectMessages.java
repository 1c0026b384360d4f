package dev.mentorbot.checkin;

import dev.mentorbot.command.Reply;
import dev.mentorbot.platform.DirectMessages;
import dev.mentorbot.state.MemberId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A platform's DMs as a test sees them: every message sent, and members it answers for with a fixed outcome. */
final class RecordingDirectMessages implements DirectMessages {
    record Sent(MemberId member, Reply message) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final Map<MemberId, Delivery> outcomes = new ConcurrentHashMap<>();
    private final String platform;

    RecordingDirectMessages(String platform) {
        this.platform = platform;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public Delivery send(MemberId member, Reply message) {
        Delivery outcome = outcomes.getOrDefault(member, Delivery.SENT);
        if (outcome == Delivery.SENT) {
            sent.add(new Sent(member, message));
        }
        return outcome;
    }
}
