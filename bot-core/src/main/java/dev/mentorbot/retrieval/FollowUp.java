package dev.mentorbot.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Tells a follow-up from a fresh question, and what a conversation remembers of a question.
 *
 * <p>"And in India?", "what about seniors?", "how long does that take?" have no subject of their
 * own: they continue the question before. Such a question is searched together with the earlier
 * question's topic words. A question that names its own subject ("what math do I need for deep
 * learning") starts afresh, and an off-topic one is still declined ("and teachers?" after an ML
 * salary answer is not an ML salary question: {@link AnswerEngine} asks the scope gate about the
 * follow-up alone).
 *
 * <p>What is remembered is the topic words of the question (its words without stop words, at most
 * {@link #MAX_TOPIC_WORDS}), not the member's message.
 */
final class FollowUp {
    /** A follow-up is short: a longer question carries its own context. */
    static final int MAX_WORDS = 8;
    /** A longer question continues only when it points back and names no subject of its own. */
    static final int MAX_LONG_WORDS = 20;
    /** Topic words remembered per turn. */
    static final int MAX_TOPIC_WORDS = 12;
    /**
     * A follow-up whose own words sit this much nearer to out-of-scope questions than to in-scope
     * ones is declined, unless the earlier subject puts it well inside ({@link #WITH_SUBJECT_MARGIN}).
     */
    static final double OFF_TOPIC_MARGIN = 0.10;
    /** How far inside the scope such a follow-up must sit once read with the earlier words it keeps to be kept. */
    static final double WITH_SUBJECT_MARGIN = 0.2;
    /**
     * How much the earlier aspect weighs in the lexical search when a follow-up asks about an
     * aspect of its own: enough to break ties between passages on the subject, too little to
     * bring the earlier answer back.
     */
    static final float EARLIER_ASPECT_WEIGHT = 0.3f;

    private static final Pattern OPENS_A_FOLLOW_UP = Pattern.compile(
            // "why tho? i got a 4090 at home, can't i just train locally" asks why the earlier answer holds.
            "^(why (tho|though|not)|and|what about|how about|what of|also|then|ok|okay|so|but|or|in|for|at|with|without|same|is it|is that|"
                    + "are they|does it|does that|do they|how long does that|how long would that|which one|which)\\b");
    private static final Pattern POINTS_BACK = Pattern.compile("\\b(that|it|this|those|these|them|they|there|one|ones)\\b"
            // "what are the options then?": a closing "then" answers what was said before.
            + "|\\bthen\\W*$");
    /**
     * A question that asks what something is names its own subject; "what are my gaps?" and "what
     * is that?" ask about the member or the earlier answer.
     */
    private static final Pattern DEFINES = Pattern.compile(
            "^((what|who)\\s*(is|are|'s|s|does)|(what|who)'s)\\b(?!\\s+(my|your|our|it|that|this|those|these|they|them)\\b)"
                    + "|^define\\b");
    /** Words that name a question's own subject: the roles and fields the bot talks about. */
    private static final Pattern OWN_SUBJECT = Pattern.compile(
            "\\b(ml|dl|ai|machine learning|deep learning|engineer|engineers|engineering|data scien\\w*|neural)\\b");

    private FollowUp() {
    }

    /** Whether a cleaned question continues the one before rather than starting afresh. */
    static boolean continues(String question) {
        String q = question.toLowerCase(Locale.ROOT).strip();
        int words = q.isEmpty() ? 0 : q.split("\\s+").length;
        if (words == 0 || words > MAX_LONG_WORDS) {
            return false;
        }
        boolean pointsBack = OPENS_A_FOLLOW_UP.matcher(q).find() || POINTS_BACK.matcher(q).find();
        if (words > MAX_WORDS) {
            // "ok cool and what do they actually do day to day": long, but "they" is the earlier subject.
            return pointsBack && !OWN_SUBJECT.matcher(q).find() && !DEFINES.matcher(q).find();
        }
        if (pointsBack) {
            return true;
        }
        // A short question that names no role or field ("mid level?", "where tho?") continues
        // too, but "what is Kaggle" asks about a subject of its own.
        return !OWN_SUBJECT.matcher(q).find() && !DEFINES.matcher(q).find();
    }

    /**
     * "and after the math, what's next?", "what should I practise after the course?": the member is
     * done with something and asks for the step that follows it. The words after "after", up to a
     * question word or the end of the clause.
     */
    private static final Pattern AFTER = Pattern.compile(
            "\\bafter\\s+(?:the\\s+|my\\s+|a\\s+|an\\s+)?((?:(?!(?:what|whats|which|how|should|do|is|are|on|for|i|we|you|u)\\b)\\p{L}+\\s*){1,3})");
    private static final Pattern ASKS_NEXT = Pattern.compile(
            "\\b(next|learn|study|practi[cs]e|comes?|coming|move on|try)\\b");
    /** Words that stand for a thing said before. */
    private static final Set<String> THING_PRONOUNS = Set.of("it", "that", "this", "those", "these", "them");

    /**
     * What a follow-up says the member is done with when it asks for the next step ("the math" in
     * "and after the math, what's next?"): its words, or empty when it asks for no next step ("and
     * after deployment, who maintains them?" asks about deployment itself).
     */
    static String doneWith(String followUp) {
        String q = followUp.toLowerCase(Locale.ROOT);
        Matcher m = AFTER.matcher(q);
        if (!m.find() || !ASKS_NEXT.matcher(q).find()) {
            return "";
        }
        String done = m.group(1).strip();
        String first = done.split("\\s+")[0];
        // "what comes after that" may point at the earlier answer or at what the member just listed.
        return THING_PRONOUNS.contains(first) ? "" : done;
    }

    /** A follow-up that asks about the member: what fits them, given who they said they are. */
    private static final Pattern ASKS_FOR_ME = Pattern.compile(
            "\\b(for me|like me|like myself|my background|my case|my situation|my profile|people like|ppl like|someone like)\\b");

    /** A follow-up that weighs the subjects of the conversation against each other. */
    private static final Pattern COMPARES = Pattern.compile(
            "\\b(which one|which of|which is|which pays|compare|compared|comparison|difference|diff|vs|versus|than|"
                    + "better|more|less|harder|easier|both)\\b");

    /**
     * Kinds of words a follow-up replaces rather than adds to: "and in India?" after a question
     * about the US asks about India instead, "and DL engineers?" after ML engineers asks about DL
     * engineers instead.
     */
    private static final List<Pattern> SLOTS = List.of(
            Pattern.compile("^(ml|dl|ai|machine|deep|learning)$"),
            // "and deep learning ones?" keeps the engineers and changes the field.
            Pattern.compile("^(engineer|engineers|scientist|scientists|developer|developers)$"),
            // A currency belongs to its place: "and in the US?" after a question in LPA drops the LPA.
            Pattern.compile("^(us|usa|america|american|states|united|usd|dollar|dollars|india|indian|inr|rs|rupee|rupees"
                    + "|lakh|lakhs|lpa|uk|europe|canada|germany)$"),
            Pattern.compile("^(mid|level|senior|seniors|junior|juniors|entry|fresher|freshers|beginner|beginners|lead)$"));

    /**
     * The earlier words a follow-up is searched with: the earlier topic without the words of any
     * slot the follow-up fills itself, in two groups. The subject (role, field) keeps its weight;
     * the earlier aspect and its place and level ("make", "us" in "how much do ML engineers make in
     * the US?") weigh less when the follow-up asks about an aspect of its own ("is it growing?",
     * "what skills do they need?"): otherwise the earlier words outnumber its own and the earlier
     * answer comes back. A follow-up about the member ("is there a roadmap for someone like me?")
     * also keeps the older turns, where the member said who they are, at full weight.
     */
    static List<KnowledgeIndex.Weighted> context(String followUp, List<String> earlierTopics, CareerAnalyzers analyzers,
            Predicate<String> earlierAnswerSays) {
        String earlierTopic = earlierTopics.get(earlierTopics.size() - 1);
        String lower = followUp.toLowerCase(Locale.ROOT);
        List<String> own = List.of(lower.split("[^\\p{L}\\p{N}]+"));
        String ownTopic = topic(followUp, analyzers);
        List<String> aspectWords = ownTopic.isEmpty() ? List.of()
                : List.of(ownTopic.split(" ")).stream().filter(w -> !isSlotWord(w)).toList();
        // "is that per year?" asks about what the earlier answer said ("a year"): the same aspect.
        boolean otherRole = own.stream().anyMatch(FollowUp::isSubjectWord);
        // "do DL engineers actually use it?" after "what is reinforcement learning?": the follow-up
        // names the role itself, so "it" is the earlier thing, which keeps its full weight.
        boolean roleAsksOfEarlierThing = otherRole && own.stream().anyMatch(THING_PRONOUNS::contains);
        boolean ownAspect = !roleAsksOfEarlierThing && !aspectWords.isEmpty() && aspectWords.stream().noneMatch(earlierAnswerSays);
        StringBuilder subject = new StringBuilder();
        StringBuilder aspect = new StringBuilder();
        StringBuilder qualifiers = new StringBuilder();
        // "is it harder than ML?" after DL compares the two subjects: the earlier one stays.
        boolean compares = COMPARES.matcher(lower).find();
        for (String word : earlierTopic.split("\\s+")) {
            boolean replaced = !(compares && isSubjectWord(word)) && SLOTS.stream().anyMatch(slot -> slot.matcher(word).matches()
                    && own.stream().anyMatch(w -> slot.matcher(w).matches()));
            if (replaced || word.isBlank()) {
                continue;
            }
            if (isSubjectWord(word)) {
                subject.append(' ').append(word);
            } else if (otherRole && isSlotWord(word)) {
                // "and DL engineers?" after ML engineers in the US: the place qualified the earlier
                // role's figure; the other role's figure may not be given for that place.
                qualifiers.append(' ').append(word);
            } else {
                aspect.append(' ').append(word);
            }
        }
        if (compares) {
            // "which one pays more?" after DL, then ML engineers compares the two: both subjects count.
            for (String older : earlierTopics.subList(0, earlierTopics.size() - 1)) {
                for (String word : older.split("\\s+")) {
                    if (isSubjectWord(word) && !(" " + subject + " ").contains(" " + word + " ")) {
                        subject.append(' ').append(word);
                    }
                }
            }
        }
        // "is there a roadmap for someone like me?" asks about the member, who said who they are
        // in an older turn ("I'm a software engineer, how do I move into ML?").
        StringBuilder member = new StringBuilder();
        if (ASKS_FOR_ME.matcher(lower).find()) {
            for (String older : earlierTopics.subList(0, earlierTopics.size() - 1)) {
                member.append(' ').append(older);
            }
        }
        // The embedding still sees the earlier aspect: "what tools for that?" needs it to know what "that" is.
        List<KnowledgeIndex.Weighted> context = new ArrayList<>(List.of(
                new KnowledgeIndex.Weighted(subject.toString().strip(), 1f),
                new KnowledgeIndex.Weighted(aspect.toString().strip(), ownAspect ? EARLIER_ASPECT_WEIGHT : 1f),
                new KnowledgeIndex.Weighted(qualifiers.toString().strip(), EARLIER_ASPECT_WEIGHT)));
        if (!member.isEmpty()) {
            context.add(new KnowledgeIndex.Weighted(member.toString().strip(), 1f));
        }
        return List.copyOf(context);
    }

    /** A field or role word: the subject a follow-up keeps at full weight. */
    private static boolean isSubjectWord(String word) {
        return SLOTS.get(0).matcher(word).matches() || SLOTS.get(1).matcher(word).matches();
    }

    private static boolean isSlotWord(String word) {
        return SLOTS.stream().anyMatch(slot -> slot.matcher(word).matches());
    }

    /** The topic words of a question, in order: what a conversation remembers of it. */
    static String topic(String question, CareerAnalyzers analyzers) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = analyzers.surface().tokenStream(KnowledgeIndex.WORDS, question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < MAX_TOPIC_WORDS) {
                String w = term.toString();
                if (!analyzers.isStopWord(w) && !words.contains(w)) {
                    words.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(" ", words);
    }
}
