/**
 * Durable state: what the mentor remembers about members (checklist progress, the track they
 * follow, feedback on answers), what members ask (the question log) and which platform events were already handled.
 *
 * <p>The ports ({@link dev.mentorbot.state.ProgressStore}, {@link dev.mentorbot.state.FeedbackStore},
 * {@link dev.mentorbot.state.QuestionLog}, {@link dev.mentorbot.state.ProcessedEvents},
 * {@link dev.mentorbot.state.TrackStore}, {@link dev.mentorbot.state.MemberData}) know nothing of Discord, Slack or the console. They are
 * implemented over JDBC with one schema that runs unchanged on SQLite (the embedded default) and
 * PostgreSQL (for several bot instances); {@link dev.mentorbot.state.Database#open} picks the
 * database, applies the versioned migrations and hands out the stores.
 *
 * <p>Every storage failure surfaces as a {@link dev.mentorbot.state.StateException} whose message
 * is meant for a person; invalid arguments are {@link java.lang.IllegalArgumentException}s.
 */
package dev.mentorbot.state;
