package dev.mentorbot.retrieval;

import dev.mentorbot.content.FaqEntry;
import dev.mentorbot.content.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers a member's question with one sourced passage, or declines honestly. Cleans chat
 * noise, searches both ways, fuses the evidence, and applies the calibrated threshold.
 * Never throws on any input text.
 */
public final class AnswerEngine {
    private static final int MAX_RELATED = 3;
    private static final int MAX_SOURCES = 3;
    /**
     * A question holding a word the content has never seen is declined unless it sits at least
     * this much nearer to in-scope questions than to out-of-scope ones: "and the housing market?",
     * "how do I tune my guitar?" and "how long to learn deep sea diving" do not; "what are the
     * options then?" has no such word.
     */
    static final double FOREIGN_WORD_MARGIN = 0.10;
    /**
     * How much a follow-up's own words, read alone, weigh in choosing the lead among the first
     * candidates: the lead is the one with the highest score plus this times its cosine to those
     * words. Searched with the earlier words, "which cloud should I pick?" after an answer on why
     * cloud skills matter finds that answer again first; alone, its words are nearest to the entry
     * that names the clouds. Fitted on the tuning half of the follow-up set: a listwise logistic
     * model of which of the first five candidates answers, over these two features.
     */
    static final double ALONE_WEIGHT = 0.68;
    /** Enough to put a passage the member is done with behind every other candidate. */
    static final double DONE_PENALTY = 1.0;
    /** Without the scope gate, a fresh question knowing more than this share of its words is kept despite such a word. */
    static final double LEXICAL_KNOWN_SHARE = 0.75;

    private final KnowledgeIndex index;
    private final Calibration calibration;
    private final AnswerComposer composer;
    private final List<String> suggestions;

    /** An engine over an index, calibrated for its mode (hybrid or lexical-only). */
    public AnswerEngine(KnowledgeBase kb, KnowledgeIndex index) {
        this(kb, index, index.hybrid() ? Calibration.HYBRID : Calibration.LEXICAL);
    }

    public AnswerEngine(KnowledgeBase kb, KnowledgeIndex index, Calibration calibration) {
        this.index = index;
        this.calibration = calibration;
        this.composer = new AnswerComposer(index, new PassageTrimmer(index.analyzers().query()));
        this.suggestions = suggestions(kb);
    }

    /** Ranks the candidates of a question by fused score, best first (for answers and diagnostics). */
    public List<Hit> rank(String cleanedQuestion) {
        return rank(index.search(cleanedQuestion));
    }

    private List<Hit> rank(KnowledgeIndex.Search search) {
        List<Hit> ranked = new ArrayList<>();
        for (Hit h : search.candidates()) {
            ranked.add(new Hit(h.passage(), h.lexical(), h.semantic(), calibration.fuse(h.lexical(), h.semantic())));
        }
        ranked.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparingInt(h -> h.passage().ordinal()));
        return ranked;
    }

    /**
     * Answers one question.
     *
     * @param question raw text as the member typed it (mentions, emoji and greetings allowed)
     */
    public Answer answer(String question) {
        return answer(question, List.of());
    }

    /**
     * Answers a question asked in a conversation.
     *
     * @param question raw text as the member typed it
     * @param earlier  the conversation's earlier answered questions, oldest first
     *                 ({@link Answer#turn()}); a follow-up without a subject of its own is
     *                 understood with the latest
     */
    public Answer answer(String question, List<Turn> earlier) {
        String raw = question == null ? "" : question;
        String cleaned = ChatText.clean(raw);
        if (cleaned.isBlank()) {
            return declined(raw, true);
        }
        String focus = QuestionFocus.of(cleaned);
        List<KnowledgeIndex.Weighted> context = List.of();
        boolean followUp = earlier != null && !earlier.isEmpty() && FollowUp.continues(focus);
        boolean inScopeAlone = false;
        if (followUp) {
            // Embedding a text is the costly step: the follow-up alone is judged once for all checks.
            ScopeGate.Verdict alone = index.judgeScope(focus);
            double aloneMargin = alone.margin();
            inScopeAlone = alone.inScope();
            if (bringsAnotherSubject(index.unknownWords(focus), aloneMargin)) {
                return declined(raw, false); // "what about chefs?" is not about the earlier subject
            }
            context = followUpContext(focus, earlier);
            // Alone, "is it growing?" may be about stocks; with the earlier subject it is about the job.
            // A follow-up that sits out of scope alone is declined unless the earlier words it keeps
            // at full weight put it well inside: the subject, and the earlier aspect when it asks
            // about that ("k-means comes in which one" after supervised versus unsupervised learning).
            if (aloneMargin < -FollowUp.OFF_TOPIC_MARGIN
                    && index.judgeScope(asked(focus, context)).margin() < FollowUp.WITH_SUBJECT_MARGIN) {
                return declined(raw, false);
            }
        }
        KnowledgeIndex.Search search = index.search(focus, context);
        List<Hit> ranked = rank(search);
        // Typos are corrected by then: "pyhton" is Python, not a word the content never saw. Without
        // the scope gate (lexical-only) nothing vouches for the question, and a small content folder
        // (one article) leaves many good words unknown: there a quarter of its words must be unknown.
        boolean foreign = !followUp && (index.hybrid() || search.coverage() <= LEXICAL_KNOWN_SHARE)
                && bringsAnotherSubject(search.unknownWords(), search.scope().margin());
        // A passage that holds every topic word of the question answers it whatever the gate says.
        // A follow-up inside the scope on its own words stays inside when the earlier words pull
        // the whole text elsewhere ("how long would that take me?" after a backend developer's
        // question sits nearer to "how long to learn Java for Minecraft mods").
        boolean inScope = !foreign && (search.scope().inScope() || inScopeAlone)
                        && (followUp || focus.equals(cleaned) || index.judgeScope(cleaned).inScope())
                || !ranked.isEmpty() && ranked.get(0).score() >= calibration.threshold()
                        && composer.answersInItsOwnWords(search.question(), ranked.get(0));
        double threshold = calibration.threshold(search.scope());
        if (ranked.isEmpty() || !inScope || search.coverage() < calibration.minCoverage()
                || ranked.get(0).score() < threshold) {
            return declined(raw, false);
        }
        // What the member asks for (an amount, a subject) is read from their own words; a
        // follow-up's earlier topic only helps find the passages. Without embeddings the cosine is
        // 0, so a follow-up's lead is the best-scored candidate: on the lexical-only follow-ups that
        // measured better than the fresh question's choice by carried words (+5 tuning, +2 held-out).
        AnswerComposer.Composition composition = composer.compose(followUp ? asked(focus, context) : search.question(),
                search.question(), ranked, threshold,
                followUp ? leadKey(search, FollowUp.doneWith(focus)) : null);
        List<SourceRef> sources = new ArrayList<>();
        sources.add(ref(composition.first()));
        if (composition.second() != null) {
            sources.add(ref(composition.second()));
        }
        for (Hit h : ranked.subList(0, Math.min(MAX_SOURCES, ranked.size()))) {
            if (sources.size() < MAX_SOURCES && h != composition.first() && h != composition.second()
                    && h.score() >= threshold) {
                sources.add(ref(h));
            }
        }
        return new Answer(raw, true, composition.text(), sources, related(focus, ranked, composition.first(), threshold),
                FollowUp.topic(search.question(), index.analyzers()));
    }

    /**
     * How a follow-up's lead is chosen among the first candidates: its score plus its cosine to the
     * follow-up's own words. A member done with something who asks what comes next ("and after
     * the math, what's next?") is not led to it again: a passage about it comes last.
     */
    private java.util.function.ToDoubleFunction<Hit> leadKey(KnowledgeIndex.Search search, String done) {
        Set<String> doneForms = done.isEmpty() ? Set.of() : composer.subjectForms(done);
        return h -> h.score() + ALONE_WEIGHT * search.aloneSimilarity(h.passage())
                - (!doneForms.isEmpty() && composer.isAbout(h.passage(), doneForms) ? DONE_PENALTY : 0);
    }

    /**
     * What a follow-up asks for: its own words, and the earlier ones it keeps at full weight ("and
     * DL engineers?" after a salary question still asks for an amount).
     */
    private static String asked(String followUp, List<KnowledgeIndex.Weighted> context) {
        StringBuilder sb = new StringBuilder(followUp);
        context.stream().filter(w -> w.weight() >= 1f && !w.text().isBlank()).forEach(w -> sb.append(' ').append(w.text()));
        return sb.toString();
    }

    /**
     * The earlier words a follow-up is searched with. Whether it asks about another aspect or
     * about what the earlier answer said is told by that answer: the passage the member was shown.
     */
    private List<KnowledgeIndex.Weighted> followUpContext(String followUp, List<Turn> earlier) {
        Passage shown = shown(earlier.get(earlier.size() - 1)).orElse(null);
        return FollowUp.context(followUp, earlier.stream().map(Turn::topic).toList(), index.analyzers(),
                word -> shown != null && composer.says(shown, word));
    }

    /**
     * The passage a turn showed; a turn remembered without one (or with one the content no longer
     * has, after an update) is searched again from its topic.
     */
    private java.util.Optional<Passage> shown(Turn turn) {
        return index.passage(turn.passageId()).or(() -> rank(turn.topic()).stream().findFirst().map(Hit::passage));
    }

    /**
     * Whether a question brings a subject the content does not know: a word of three letters or
     * more, without digits, that no passage holds ("nurses", "housing", "guitar", "div"), while the
     * question does not sit clearly inside the scope. The content's own words around it ("what
     * about", "how do I tune") make a wrong answer look plausible, and for a follow-up the earlier
     * subject cannot make it answerable. Shorthand with digits ("q1", "5k") is not such a word;
     * words of chat are listed in {@code chat-words.txt}, and shorthand for the content's subjects
     * is a synonym.
     *
     * @param unknownWords the question's words that no passage holds
     * @param margin       how much nearer the question sits to in-scope questions than to out-of-scope ones
     */
    private static boolean bringsAnotherSubject(List<String> unknownWords, double margin) {
        return margin < FOREIGN_WORD_MARGIN
                && unknownWords.stream().anyMatch(w -> w.length() >= 3 && w.chars().noneMatch(Character::isDigit));
    }

    /**
     * Why the engine answers what it answers: the cleaned question, topic coverage and the top
     * candidates with their lexical, semantic and fused scores. For admins tuning content.
     */
    public String explain(String question) {
        return explain(question, List.of());
    }

    /**
     * Why the engine answers what it answers in a conversation: as {@link #explain(String)}, and
     * for a follow-up the text searched with the earlier topic.
     */
    public String explain(String question, List<Turn> earlier) {
        String cleaned = ChatText.clean(question == null ? "" : question);
        String focus = QuestionFocus.of(cleaned);
        List<KnowledgeIndex.Weighted> context = List.of();
        StringBuilder sb = new StringBuilder();
        if (earlier != null && !earlier.isEmpty() && FollowUp.continues(focus)) {
            context = followUpContext(focus, earlier);
            sb.append(String.format(Locale.ROOT, "follow-up of \"%s\": searched \"%s\"", earlier.get(earlier.size() - 1).topic(), focus));
            context.forEach(w -> sb.append(String.format(Locale.ROOT, " + \"%s\" x%.1f", w.text(), w.weight())));
            sb.append(String.format(Locale.ROOT, "%nfollow-up alone %s%n", index.judgeScope(focus).describe()));
        }
        KnowledgeIndex.Search search = index.search(focus, context);
        if (!focus.equals(cleaned)) {
            sb.append(String.format(Locale.ROOT, "focus: \"%s\"%nwhole message %s%n", focus,
                    index.judgeScope(cleaned).describe()));
        }
        sb.append(String.format(Locale.ROOT, "cleaned: \"%s\"%ntopic words: %s, known: %d (coverage %.2f, needs %.2f)%n"
                        + "threshold: %.3f (%s)%n", cleaned, search.contentWords(), search.knownWords(),
                search.coverage(), calibration.minCoverage(), calibration.threshold(search.scope()),
                index.hybrid() ? "hybrid" : "lexical-only"));
        sb.append(search.scope().describe()).append(System.lineSeparator());
        List<String> unknown = search.unknownWords();
        if (!unknown.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "words the content never saw: %s (one of 3+ letters without digits declines"
                    + " below a scope margin of %.2f)%n", unknown, FOREIGN_WORD_MARGIN));
        }
        List<Hit> ranked = rank(search);
        if (!context.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "the lead is the one of the first %d with the highest score + %.2f x alone"
                    + " (cosine to the follow-up's own words)%n", AnswerComposer.CANDIDATES, ALONE_WEIGHT));
        }
        for (Hit h : ranked.subList(0, Math.min(8, ranked.size()))) {
            sb.append(String.format(Locale.ROOT, "  %.3f  bm25 %6.2f  cos %.3f%s  %s%n", h.score(), h.lexical(),
                    h.semantic(), context.isEmpty() ? "" : String.format(Locale.ROOT, "  alone %.3f",
                            search.aloneSimilarity(h.passage())), h.passage().id()));
        }
        return sb.toString();
    }

    /** The index the engine answers from. */
    public KnowledgeIndex index() {
        return index;
    }

    /** What the engine suggests asking when it cannot answer. */
    public List<String> suggestions() {
        return suggestions;
    }

    private Answer declined(String question, boolean empty) {
        String text = (empty
                ? "Ask me anything about becoming a machine learning or deep learning engineer."
                : "I don't have a sourced answer to that, so I won't guess.")
                + " I can help with salaries, skills, learning paths, education and what the job involves.";
        if (!suggestions.isEmpty()) {
            text += " For example: " + String.join(" / ", suggestions);
        }
        return new Answer(question, false, text, List.of(), suggestions);
    }

    private static SourceRef ref(Hit h) {
        Passage p = h.passage();
        String title = p.kind() == Passage.Kind.FAQ ? "FAQ" : p.title();
        return new SourceRef(title, p.section(), p.sourceTitle(), p.id(), Math.round(h.score() * 1000) / 1000.0);
    }

    private List<String> related(String question, List<Hit> ranked, Hit best, double threshold) {
        String asked = normal(question);
        Set<String> out = new LinkedHashSet<>();
        for (Hit h : ranked) {
            if (h == best) {
                continue;
            }
            if (out.size() == MAX_RELATED || h.score() < threshold * 0.8) {
                break;
            }
            Passage p = h.passage();
            String q = p.kind() == Passage.Kind.FAQ ? p.questions().get(0) : p.section();
            if (!normal(q).equals(asked) && !p.text().equals(best.passage().text())
                    && !q.equals(best.passage().section())) {
                out.add(q);
            }
        }
        if (out.size() < MAX_RELATED) {
            for (Passage p : index.passages()) {
                if (out.size() == MAX_RELATED) {
                    break;
                }
                boolean sharesTag = p.tags().stream().anyMatch(best.passage().tags()::contains);
                if (p.kind() == Passage.Kind.FAQ && sharesTag && p.ordinal() != best.passage().ordinal()
                        && !normal(p.questions().get(0)).equals(asked)) {
                    out.add(p.questions().get(0));
                }
            }
        }
        return List.copyOf(out);
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * Starter questions for a member the bot could not help: the first FAQ entry on each of the
     * topics the decline message names (salary, skills, learning path), then other topics to fill up.
     */
    private static List<String> suggestions(KnowledgeBase kb) {
        Set<String> out = new LinkedHashSet<>();
        for (String topic : List.of("salary", "skills", "learning-path")) {
            kb.faqs().stream().filter(f -> !f.tags().isEmpty() && f.tags().get(0).equals(topic)).findFirst().ifPresent(f -> out.add(f.question()));
        }
        Set<String> topics = new LinkedHashSet<>();
        for (FaqEntry f : kb.faqs()) {
            if (out.size() >= 3) {
                break;
            }
            if (topics.add(f.tags().isEmpty() ? f.id() : f.tags().get(0))) {
                out.add(f.question());
            }
        }
        return out.stream().limit(3).toList();
    }
}
