package dev.mentorbot.state;

/**
 * The stores the commands use, taken from one open {@link Database}.
 *
 * @param progress  checklist progress per member
 * @param feedback  helpful / not-helpful votes
 * @param questions the question log
 * @param members   everything about one member, for forget-me
 * @param tracks    the track each member follows
 * @param conversations the recent turns of conversations, for follow-up questions
 * @param checkins  who opted in to weekly check-ins, and which were sent
 */
public record Stores(ProgressStore progress, FeedbackStore feedback, QuestionLog questions, MemberData members,
                     TrackStore tracks, ConversationStore conversations,
                     CheckinStore checkins) {
    /** The stores of an open database. */
    public static Stores of(Database db) {
        return new Stores(db.progress(), db.feedback(), db.questions(), db.members(), db.tracks(), db.conversations(),
                db.checkins());
    }
}
