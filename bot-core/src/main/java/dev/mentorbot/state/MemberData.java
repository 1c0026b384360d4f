package dev.mentorbot.state;

/**
 * Everything stored about a member as a whole: what {@code forget-me} shows and deletes.
 */
public interface MemberData {

    /** Counts what is stored about the member, without changing anything. */
    MemberDataCounts count(MemberId member);

    /**
     * Deletes everything stored about the member, in one transaction, and returns how much was
     * deleted per kind. Forgetting a member with nothing stored returns zero counts. The text of
     * logged questions the member voted on goes too (the log entries, which name nobody, stay). On
     * SQLite the deleted bytes are overwritten and flushed out of the write-ahead log, so a byte
     * search of the files does not find them.
     */
    MemberDataCounts forget(MemberId member);
}
