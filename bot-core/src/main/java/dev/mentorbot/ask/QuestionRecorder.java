package dev.mentorbot.ask;

import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.ChatText;
import dev.mentorbot.retrieval.KnowledgeIndex;
import dev.mentorbot.state.LoggedQuestion;
import dev.mentorbot.state.QuestionLog;
import dev.mentorbot.state.StateException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes asked questions to the question log, as the privacy setting allows. A failing log
 * never costs a member their answer: the failure is logged for the admin and the answer goes out.
 */
public final class QuestionRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(QuestionRecorder.class);

    private final QuestionLog log;
    private final QuestionPrivacy privacy;
    private final KnowledgeIndex index;
    private final Clock clock;
    private final AtomicBoolean failing = new AtomicBoolean();

    public QuestionRecorder(QuestionLog log, QuestionPrivacy privacy, KnowledgeIndex index, Clock clock) {
        this.log = log;
        this.privacy = privacy;
        this.index = index;
        this.clock = clock;
    }

    /** Records one answered or declined question asked on a platform. */
    public void record(String question, Answer answer, String platform) {
        if (privacy == QuestionPrivacy.OFF) {
            return;
        }
        String cleaned = ChatText.clean(question);
        if (cleaned.isEmpty()) {
            return;
        }
        String top = answer.sources().isEmpty() ? null : answer.sources().get(0).passageId();
        try {
            log.record(new LoggedQuestion(privacy == QuestionPrivacy.FULL ? cleaned : null, hash(cleaned),
                    answer.answered(), top, answer.score(), platform, clock.instant()));
            if (failing.compareAndSet(true, false)) {
                LOG.info("questions are logged again");
            }
        } catch (StateException | IllegalArgumentException e) {
            // Once per failure spell: a full disk would otherwise add a log line to every answer.
            if (failing.compareAndSet(false, true)) {
                LOG.warn("the question could not be logged (answers go on; this is said once until logging works "
                        + "again): {}", e.getMessage());
            } else {
                LOG.debug("the question could not be logged: {}", e.getMessage());
            }
        }
    }

    /**
     * The stable hash of a question: SHA-256 over its topic key, so paraphrases share it. It hides
     * the text from a casual reader of the database, not from someone who guesses questions.
     */
    public String hash(String cleanedQuestion) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("mentor-bot/question/v1/" + index.topicKey(cleanedQuestion)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether question text may be kept (in the log and with feedback). */
    public boolean keepsText() {
        return privacy == QuestionPrivacy.FULL;
    }
}
