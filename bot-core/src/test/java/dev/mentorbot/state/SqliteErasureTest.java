package dev.mentorbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure on a real SQLite file, checked the way someone with a copy of the data directory would
 * look: a byte search of the database file and its {@code -wal}, {@code -shm} and {@code -journal}
 * companions. SQLite alone leaves deleted rows in free pages and old page versions in the log.
 */
final class SqliteErasureTest {
    private static final Instant T0 = StateContractTest.T0;
    /** Ids and text that occur nowhere else, so any hit is the forgotten member's. */
    private static final MemberId CAROL = new MemberId("slack", "T0PRIVACY", "U0CAROLX9Q");
    private static final String QUESTION = "does a quokka keeper in reykjavik need a phd for ml";
    private static final String HASH = "hash-of-carols-question";

    @TempDir
    Path temp;

    @Test
    void forgetMeLeavesNoTraceOfTheMemberInTheFiles() throws Exception {
        Path data = temp.resolve("data");
        try (Database db = Database.open(DatabaseSettings.sqlite(data))) {
            fillWithOthers(db);
            db.progress().set(CAROL, "git", "install", true, T0);
            db.progress().set(CAROL, "math", "linear-algebra", true, T0);
            db.tracks().follow(CAROL, "from-zero", T0);
            db.feedback().record(new Feedback(CAROL, QUESTION, HASH, "salary-article", "india", true, T0));
            db.feedback().record(new Feedback(CAROL, QUESTION + " again", HASH + "-2", "faq", null, false, T0));
            db.questions().record(new LoggedQuestion(QUESTION, HASH, true, "salary-article", 0.8, "slack", T0));
            fillWithOthers(db);
            assertThat(filesContaining(data, CAROL.userId())).as("the search finds what is there").isNotEmpty();
            assertThat(filesContaining(data, QUESTION)).isNotEmpty();

            MemberDataCounts deleted = db.members().forget(CAROL);

            assertThat(deleted).isEqualTo(new MemberDataCounts(2, 2, 1));
            // While the bot still runs, and after it stops.
            assertThat(filesContaining(data, CAROL.userId())).isEmpty();
            assertThat(filesContaining(data, CAROL.workspace())).isEmpty();
            assertThat(filesContaining(data, QUESTION)).isEmpty();
            assertThat(db.questions().topQuestions(T0.minusSeconds(1), 1000))
                    .as("the log keeps the count, without the text")
                    .anySatisfy(q -> {
                        assertThat(q.hash()).isEqualTo(HASH);
                        assertThat(q.text()).isNull();
                    });
        }
        assertThat(filesContaining(data, CAROL.userId())).isEmpty();
        assertThat(filesContaining(data, QUESTION)).isEmpty();
        try (Database db = Database.open(DatabaseSettings.sqlite(data))) {
            assertThat(db.members().count(StateContractTest.BOB).progressItems()).as("others keep theirs").isPositive();
            assertThat(db.integrityCheck().ok()).isTrue();
        }
    }

    @Test
    void theRetentionSweepLeavesNoTraceOfOldQuestions() throws Exception {
        Path data = temp.resolve("data");
        Instant old = T0.minus(Duration.ofDays(200));
        try (Database db = Database.open(DatabaseSettings.sqlite(data))) {
            fillWithOthers(db);
            db.questions().record(new LoggedQuestion(QUESTION, HASH, false, null, 0, "discord", old));
            db.questions().record(new LoggedQuestion("what is kaggle", "kaggle-hash", true, "faq", 0.9, "discord", T0));
            assertThat(filesContaining(data, QUESTION)).isNotEmpty();

            assertThat(db.questions().purgeBefore(T0.minus(Duration.ofDays(180)))).isEqualTo(1);

            assertThat(filesContaining(data, QUESTION)).isEmpty();
            assertThat(filesContaining(data, "what is kaggle")).as("recent questions stay").isNotEmpty();
        }
    }

    @Test
    void everyConnectionDeletesSecurely() throws Exception {
        try (Database db = Database.open(DatabaseSettings.sqlite(temp.resolve("data")))) {
            try (var connection = db.dataSource().getConnection();
                 var statement = connection.createStatement();
                 var result = statement.executeQuery("PRAGMA secure_delete")) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(1);
            }
        }
    }

    /** Enough rows around the member's that pages fill, split and get reused. */
    private static void fillWithOthers(Database db) {
        for (int i = 0; i < 300; i++) {
            MemberId other = i % 2 == 0 ? StateContractTest.BOB : new MemberId("slack", "T0OTHER", "U" + i);
            db.progress().set(other, "checklist-" + (i % 7), "item-" + i, true, T0);
            db.feedback().record(new Feedback(other, "an ordinary question number " + i, "h" + i, "faq", null,
                    i % 3 == 0, T0));
            db.questions().record(new LoggedQuestion("an ordinary question number " + i, "h" + i, true, "faq", 0.5,
                    "slack", T0));
        }
    }

    /** The names of the database's files that hold {@code text} as UTF-8 bytes. */
    private static List<String> filesContaining(Path data, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(DatabaseSettings.Sqlite.FILE_NAME))
                    .toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    hits.add(file.getFileName().toString());
                }
            }
        }
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
