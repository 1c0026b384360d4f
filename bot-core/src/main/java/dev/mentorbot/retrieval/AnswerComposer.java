package dev.mentorbot.retrieval;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Makes the answer carry what was asked. The best-scoring passage is about the right topic but
 * can still miss the point: "salary?" finds the note on how reliable salary figures are rather
 * than a figure; "mid-level DL engineer with 8 years" finds the senior passage; "can I do it
 * without a PhD" finds the degree passage that never says PhD.
 *
 * <p>Two things are checked against the close candidates: what kind of fact the question wants
 * ({@link Need}: an amount, a duration, a growth figure) and the question's subject words (PhD,
 * India, 8, mid-level, bootcamp: words few passages contain). The answer leads with the close
 * candidate that carries the most of them, and when it still lacks something that another close
 * candidate has, that one follows as a second short passage.
 */
final class AnswerComposer {
    /** How far below the best score a candidate may be and still be "close". */
    static final double CLOSE = 0.08;
    /** Candidates considered. */
    static final int CANDIDATES = 5;
    /** A word in fewer than this share of passages is a subject word, not a topic word. */
    static final double SUBJECT_SHARE = 0.12;
    /**
     * Stemmed words that say how a question is asked, not what about: "is a PhD required" is
     * about the PhD, and a passage that says "required" about something else carries nothing.
     */
    static final Set<String> ASKING = Set.of("need", "requir", "necessari", "import", "worth", "good", "best", "better",
            "possibl", "enough", "realli", "actual", "us", "help", "start", "becom", "get", "make", "learn", "know",
            "want", "take", "work", "kind", "type", "wai", "thing", "lot", "much", "mani", "should", "can", "go", "do",
            "mean", "tell", "ok", "okai", "anyon", "someon", "guy", "pleas", "question", "advic", "tip");
    /** Room for each of two passages. */
    static final int TWO_PASSAGE_CHARS = 420;

    /** The kind of fact a question asks for, and how to see it in a passage. */
    enum Need {
        AMOUNT(Pattern.compile("\\b(how much|salary|salaries|salery|pay|paid|earn|earns|earning|income|package|ctc|lpa|lakh|"
                + "compensation|wage|money|kitna)\\b"),
                Pattern.compile("\\$\\s?\\d|\\brs\\.?\\s?\\d|\\blakh|\\blpa\\b|\\d{2,3},\\d{3}")),
        DURATION(Pattern.compile("\\bhow (long|lng|many (years|months))\\b|\\b(timeline|time frame|timeframe|quick|quickly|quicker|faster|sooner|"
                + "fast|overnight|duration)\\b|\\btime to\\b"),
                Pattern.compile("\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\+?\\s+(or more\\s+)?(years?|months?)\\b"
                        + "|\\bovernight\\b")),
        GROWTH(Pattern.compile("\\b(demand|growth|grow|growing|outlook|prospects?|saturated|future|job market)\\b"),
                Pattern.compile("\\d+\\s?%|\\bpercent\\b"));

        private final Pattern asked;
        private final Pattern present;

        Need(Pattern asked, Pattern present) {
            this.asked = asked;
            this.present = present;
        }

        /** The needs a question expresses. */
        static Set<Need> of(String question) {
            String q = question.toLowerCase(java.util.Locale.ROOT);
            Set<Need> out = EnumSet.noneOf(Need.class);
            for (Need n : values()) {
                if (n.asked.matcher(q).find()) {
                    out.add(n);
                }
            }
            return out;
        }

        boolean metBy(String text) {
            return present.matcher(text.toLowerCase(java.util.Locale.ROOT)).find();
        }
    }

    private final Analyzer analyzer;
    /** The same analysis plus career synonyms: how a subject word may be spelled in a passage. */
    private final Analyzer expanding;
    /**
     * Analysis is the composer's main cost, and both inputs are bounded: passages by the index,
     * subject words by its vocabulary (a word the index lacks is never a subject word).
     */
    private final java.util.Map<Integer, Set<String>> passageTerms = new java.util.concurrent.ConcurrentHashMap<>();
    /** A passage's words with those of the questions it answers, by ordinal. */
    private final java.util.Map<Integer, Set<String>> answeredTerms = new java.util.concurrent.ConcurrentHashMap<>();
    /** A passage's heading with the questions it answers, by ordinal. */
    private final java.util.Map<Integer, Set<String>> headingTerms = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Set<String>> wordForms = new java.util.concurrent.ConcurrentHashMap<>();
    private final KnowledgeIndex index;
    private final PassageTrimmer trimmer;

    AnswerComposer(KnowledgeIndex index, PassageTrimmer trimmer) {
        this.index = index;
        this.analyzer = index.analyzers().index();
        this.expanding = index.analyzers().query();
        this.trimmer = trimmer;
    }

    /**
     * Chooses the passages of an answer: one, or two when the first lacks something asked.
     *
     * @param asked     what the member asked (for what they want to see)
     * @param question  the question as searched, typos corrected (for choosing sentences)
     * @param ranked    candidates, best first
     * @param threshold the score a candidate needs to be answered with at all
     * @param leadKey   for a follow-up, how the lead is chosen among the first candidates (the
     *                  highest key at or above the threshold); null for a fresh question, whose lead
     *                  is the close candidate that carries the most of what was asked
     */
    Composition compose(String asked, String question, List<Hit> ranked, double threshold,
            java.util.function.ToDoubleFunction<Hit> leadKey) {
        Hit best = ranked.get(0);
        List<Hit> close = new ArrayList<>();
        for (Hit h : ranked.subList(0, Math.min(CANDIDATES, ranked.size()))) {
            if (h == best || h.score() >= Math.max(threshold, best.score() - CLOSE)) {
                close.add(h);
            }
        }
        Set<String> wanted = wanted(asked);
        // A fresh question's lead is the close candidate that answers the most of what was asked. A
        // FAQ entry's questions count: "which tools for charts?" is what the entry that names the
        // plotting libraries answers, though its text never says "tools" or "charts". A follow-up's
        // lead is chosen by the engine's key, which weighs in its own words read alone.
        Hit first = leadKey == null ? mostCarrying(best, close, wanted) : highest(ranked, threshold, leadKey);
        // What a second passage completes is what the member would not read in the first.
        Set<String> firstHas = carried(first, wanted);
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(firstHas);
        // A second passage completes the first: one that brings a missing fact kind first, else
        // one that brings a missing subject word.
        Hit second = missing.isEmpty() ? null : completing(close, first, missing, true);
        if (second == null && !missing.isEmpty()) {
            second = completing(close, first, missing, false);
        }
        if (second == null) {
            return new Composition(first, null, trimmer.trim(first.passage().text(), question, PassageTrimmer.MAX_CHARS));
        }
        String text = trimmer.trim(first.passage().text(), question, TWO_PASSAGE_CHARS) + "\n\n"
                + trimmer.trim(second.passage().text(), question, TWO_PASSAGE_CHARS);
        return new Composition(first, second, text);
    }

    /** The close candidate that carries the most of what was asked; the best on a tie. */
    private Hit mostCarrying(Hit best, List<Hit> close, Set<String> wanted) {
        Hit first = best;
        int firstWeight = weight(carried(best, wanted, true));
        for (Hit h : close) {
            int w = weight(carried(h, wanted, true));
            if (w > firstWeight) {
                first = h;
                firstWeight = w;
            }
        }
        return first;
    }

    /** The first candidate with the highest key among the first {@link #CANDIDATES} at or above the threshold. */
    private static Hit highest(List<Hit> ranked, double threshold, java.util.function.ToDoubleFunction<Hit> key) {
        Hit first = ranked.get(0);
        double firstKey = Double.NEGATIVE_INFINITY;
        for (Hit h : ranked.subList(0, Math.min(CANDIDATES, ranked.size()))) {
            double k = key.applyAsDouble(h);
            if (h.score() >= threshold && k > firstKey) {
                first = h;
                firstKey = k;
            }
        }
        return first;
    }

    /** The first close candidate, other than the lead, that carries something missing (a need, if asked). */
    private Hit completing(List<Hit> close, Hit first, Set<String> missing, boolean needOnly) {
        for (Hit h : close) {
            if (h != first && !h.passage().text().equals(first.passage().text())) {
                Set<String> brings = carried(h, missing);
                if (needOnly ? brings.stream().anyMatch(w -> w.startsWith(NEED)) : !brings.isEmpty()) {
                    return h;
                }
            }
        }
        return null;
    }

    private static final String NEED = "need:";

    /** A word few passages hold (PhD, India, bootcamp), as opposed to a topic word most share. */
    private boolean isSubjectWord(String term) {
        int df = index.documentFrequency(term);
        return df > 0 && df <= Math.max(1, SUBJECT_SHARE * Math.max(1, index.passages().size()));
    }

    /** What the question asks to see: its needs ("need:AMOUNT") and its subject words (stemmed). */
    Set<String> wanted(String question) {
        Set<String> out = new LinkedHashSet<>();
        for (Need n : Need.of(question)) {
            out.add(NEED + n.name());
        }
        for (String term : terms(analyzer, question)) {
            if (isSubjectWord(term) && !ASKING.contains(term)) {
                out.add(term);
            }
        }
        return out;
    }

    /**
     * Whether a passage answers a question in the question's own words: it holds every topic word
     * of the question (at least two, one of them a subject word), directly or through a synonym.
     * Then the content itself answers what the bundled scope banks would call off-topic: an
     * admin's article on the community's GPU cluster answers "how many GPU hours can I book?".
     */
    boolean answersInItsOwnWords(String question, Hit hit) {
        Set<String> words = new LinkedHashSet<>(terms(analyzer, question));
        words.removeAll(ASKING);
        if (words.size() < 2) {
            return false;
        }
        return words.stream().anyMatch(this::isSubjectWord) && carried(hit, words).size() == words.size();
    }

    /**
     * A member's words as {@link #isAbout} compares them: analyzed, with each word's synonyms, and
     * without the words that only say how something is asked.
     */
    Set<String> subjectForms(String words) {
        Set<String> asked = new LinkedHashSet<>(terms(analyzer, words));
        asked.removeAll(ASKING);
        Set<String> out = new LinkedHashSet<>();
        asked.forEach(w -> out.addAll(forms(w)));
        return out;
    }

    /**
     * Whether a passage is about any of these words ({@link #subjectForms}): its heading or the
     * questions it answers hold one. "Which math topics should I study?" is about the math; a
     * learning path that mentions the math on the way to machine learning is not.
     */
    boolean isAbout(Passage passage, Set<String> subjectForms) {
        Set<String> heading = headingTerms.computeIfAbsent(passage.ordinal(),
                k -> terms(analyzer, passage.section() + " " + String.join(" ", passage.questions())));
        return subjectForms.stream().anyMatch(heading::contains);
    }

    /**
     * Whether a passage says a member's word, directly or through a synonym: "is that per year?"
     * asks about something the earlier answer said ("a year"), "is it growing?" after a salary
     * answer does not.
     */
    boolean says(Passage passage, String word) {
        Set<String> terms = passageTerms.computeIfAbsent(passage.ordinal(), k -> terms(analyzer, passage.text()));
        return terms(analyzer, word).stream().anyMatch(w -> forms(w).stream().anyMatch(terms::contains));
    }

    /** The subject words a passage's text carries, directly or through a synonym ("phd" in "Ph.D."). */
    private Set<String> carried(Hit h, Set<String> wanted) {
        return carried(h, wanted, false);
    }

    /**
     * The subject words a passage carries; with {@code withQuestions}, in its text or in the
     * questions it answers (a FAQ entry's question and phrasings, a section's heading and
     * questions). Needs are always met by the text alone: a figure must be shown.
     */
    private Set<String> carried(Hit h, Set<String> wanted, boolean withQuestions) {
        Passage p = h.passage();
        String text = p.text();
        Set<String> terms = null;
        Set<String> out = new LinkedHashSet<>();
        for (String w : wanted) {
            if (w.startsWith(NEED)) {
                if (Need.valueOf(w.substring(NEED.length())).metBy(text)) {
                    out.add(w);
                }
            } else {
                if (terms == null) {
                    terms = withQuestions
                            ? answeredTerms.computeIfAbsent(p.ordinal(),
                                    k -> terms(analyzer, text + " " + p.section() + " " + String.join(" ", p.questions())))
                            : passageTerms.computeIfAbsent(p.ordinal(), k -> terms(analyzer, text));
                }
                if (forms(w).stream().anyMatch(terms::contains)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** A subject word and its synonyms, analyzed as the index is (remembered for the index's own words). */
    private Set<String> forms(String word) {
        if (index.documentFrequency(word) == 0) {
            return analyzedForms(word); // a member's word the index lacks: not worth remembering
        }
        return wordForms.computeIfAbsent(word, AnswerComposer.this::analyzedForms);
    }

    private Set<String> analyzedForms(String word) {
        Set<String> forms = new java.util.HashSet<>(terms(expanding, word));
        forms.add(word);
        return Set.copyOf(forms);
    }

    /** A need weighs more than a subject word: a figure is what "how much" asks for. */
    private static int weight(Set<String> carried) {
        return carried.stream().mapToInt(w -> w.startsWith(NEED) ? 2 : 1).sum();
    }

    private static Set<String> terms(Analyzer analyzer, String text) {
        return AnalyzedTerms.of(analyzer, text);
    }

    /**
     * The passages an answer is made of.
     *
     * @param first  the passage the answer leads with
     * @param second a second passage carrying what the first lacks, or null
     * @param text   the answer text
     */
    record Composition(Hit first, Hit second, String text) {
    }
}
