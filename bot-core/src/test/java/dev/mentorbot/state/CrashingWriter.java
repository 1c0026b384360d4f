package dev.mentorbot.state;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The child process of {@link SqliteCrashSafetyTest}: writes to the database in a loop and prints
 * the number of each write only after the store call returned, i.e. after it was committed. It
 * never stops by itself; the test kills it.
 */
final class CrashingWriter {
    static final MemberId MEMBER = new MemberId("console", "local", "crash-test");
    static final String CHECKLIST = "crash";

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        Database db = Database.open(DatabaseSettings.sqlite(Path.of(args[0])));
        for (long i = 0; ; i++) {
            Instant now = Instant.now();
            db.progress().set(MEMBER, CHECKLIST, "item-" + i, true, now);
            db.feedback().record(new Feedback(MEMBER, "question " + i, "h-" + i, "source-crash", null, true, now));
            System.out.println(i);
            System.out.flush();
        }
    }
}
