package dev.mentorbot.checkin;

import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.state.CheckinStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code checkin on|off}: whether the member gets a weekly check-in by direct message. Off for the
 * whole install until the admin turns {@code checkins.enabled} on; then each member opts in.
 */
public final class CheckinCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("checkin",
            "Weekly check-in by direct message: what you ticked and your next step (on, off)",
            List.of(new OptionSpec("state", "on or off; leave it out to see your setting", OptionSpec.Type.SWITCH, false)));
    static final String TITLE = "Weekly check-ins";
    static final String DISABLED = "Weekly check-ins are not turned on in this community. An admin can turn them on "
            + "with the checkins.enabled setting.";
    static final String NO_DMS = "Check-ins come as direct messages on Discord or Slack, and the console has none. "
            + "Turn them on from there.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final CheckinStore store;
    private final Clock clock;
    private final boolean enabled;

    public CheckinCommand(CheckinStore store, Clock clock, boolean enabled) {
        this.store = store;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public Reply handle(CommandRequest request) {
        String state = request.option("state").orElse("").strip().toLowerCase(Locale.ROOT);
        // Turning them off always works, even once the admin has turned the feature off.
        if (state.equals("off") || state.equals("stop")) {
            boolean was = store.optOut(request.member());
            return reply(was ? "Check-ins are off: I won't send you any more. Turn them on again with checkin on."
                    : "You don't get check-ins, so there is nothing to stop.", false);
        }
        if (!enabled) {
            return reply(DISABLED, false);
        }
        if (request.member().platform().equals("console")) {
            return reply(NO_DMS, false);
        }
        return switch (state) {
            case "on", "start" -> {
                boolean fresh = store.optIn(request.member(), clock.instant());
                String first = DAY.format(clock.instant().plus(Duration.ofDays(7)));
                yield reply(fresh
                        ? "Check-ins are on. Once a week (the first around " + first + ") I'll send you a direct "
                                + "message with what you ticked that week and your next step. Stop any time with "
                                + "checkin off or the Stop button on a check-in."
                        : "Check-ins are already on: I send you one a week. Stop them with checkin off.", true);
            }
            case "" -> store.optedIn(request.member())
                    ? reply("Check-ins are on: I send you one a week. Stop them with checkin off.", true)
                    : reply("Check-ins are off for you. Turn them on with checkin on, and I'll send you a direct "
                            + "message once a week with what you ticked and your next step.", false);
            default -> Reply.error("checkin takes on or off, not '" + shorten(state) + "'.");
        };
    }

    private static Reply reply(String text, boolean on) {
        Reply r = new Reply(Reply.Kind.LIST, TITLE, text, List.of(), List.of(), List.of(), true);
        return on ? r.withActions(List.of(WeeklyCheckinMessage.STOP)) : r;
    }

    private static String shorten(String typed) {
        return typed.length() <= 20 ? typed : typed.substring(0, 20) + "...";
    }

    /** The button that opens the member's next step; kept here so both views offer the same one. */
    static ReplyAction openNext() {
        return ReplyAction.run("Open my next step", "next");
    }
}
