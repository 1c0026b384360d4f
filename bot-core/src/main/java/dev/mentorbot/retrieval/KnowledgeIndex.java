package dev.mentorbot.retrieval;

import dev.mentorbot.content.Sentences;
import dev.mentorbot.content.Article;
import dev.mentorbot.content.FaqEntry;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.content.Section;
import dev.mentorbot.content.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The in-memory Lucene index of every passage, searched two ways at once: BM25 over the text
 * and k-nearest-neighbour search over sentence embeddings. Built once at start-up from the
 * knowledge base; immutable and safe to search from many threads.
 *
 * <p>Each passage is one document with its text fields. Each of its vectors (the passage
 * itself, and for a FAQ entry every phrasing members use) is a separate small document pointing
 * back at the passage, because a Lucene 9 document holds one vector per field.
 */
public final class KnowledgeIndex implements AutoCloseable {
    static final String ALL = "all";
    static final String QUESTIONS = "questions";
    static final String TITLE = "title";
    static final String PASSAGE = "passage";
    static final String VECTOR = "vector";
    /** Lower-cased surface words, unstemmed: the dictionary for correcting members' typos. */
    static final String WORDS = "words";

    private static final int LEXICAL_CANDIDATES = 20;
    private static final int MAX_VECTOR_NEIGHBOURS = 100;

    private final List<Passage> passages;
    private final CareerAnalyzers analyzers;
    private final Optional<Embedder> embedder;
    /** The last question text each thread embedded, with its vector (see {@link #embedQuestion}). */
    private final ThreadLocal<Embedded> lastEmbedded = new ThreadLocal<>();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int vectorCount;
    private final ScopeGate scope;
    /** Every analyzed term of the "all" field: the knowledge base's vocabulary, held in memory
     *  because a Lucene term lookup per question word costs more than the whole BM25 search. */
    private final Set<String> vocabulary;
    /** Every surface word, for the same reason, to tell typos from known words. */
    private final Set<String> surfaceWords;
    /** Typo correction for words of five or six letters: one edit away. */
    private final DirectSpellChecker oneEdit = new DirectSpellChecker();
    /** Typo correction for longer words: up to two edits away. */
    private final DirectSpellChecker twoEdits = new DirectSpellChecker();

    private KnowledgeIndex(List<Passage> passages, CareerAnalyzers analyzers, Optional<Embedder> embedder,
                           DirectoryReader reader, int vectorCount, ScopeGate scope) {
        this.passages = passages;
        this.scope = scope;
        this.analyzers = analyzers;
        this.embedder = embedder;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.vectorCount = vectorCount;
        this.vocabulary = terms(reader, ALL);
        this.surfaceWords = terms(reader, WORDS);
        this.oneEdit.setMaxEdits(1);
        this.oneEdit.setMinQueryLength(5);
        this.twoEdits.setMaxEdits(2);
        this.twoEdits.setMinQueryLength(5);
    }

    /**
     * Indexes a knowledge base.
     *
     * @param kb       validated content
     * @param embedder the sentence embedder, or empty for lexical-only search
     */
    public static KnowledgeIndex build(KnowledgeBase kb, Optional<Embedder> embedder) {
        List<Passage> passages = passages(kb);
        CareerAnalyzers analyzers = CareerAnalyzers.standard();
        // One buffer per file: searching clones index inputs for every term it looks up, and a
        // clone of a many-buffer file copies the whole buffer list each time.
        ByteBuffersDirectory dir = new ByteBuffersDirectory(new org.apache.lucene.store.SingleInstanceLockFactory(),
                org.apache.lucene.store.ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        IndexWriterConfig config = new IndexWriterConfig(new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(
                analyzers.index(), Map.of(WORDS, analyzers.surface())))
                .setSimilarity(new BM25Similarity())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        int vectors = 0;
        ScopeGate scope = ScopeGate.open();
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (Passage p : passages) {
                writer.addDocument(textDocument(p));
            }
            if (embedder.isPresent()) {
                List<String> texts = new ArrayList<>();
                List<Integer> owners = new ArrayList<>();
                for (Passage p : passages) {
                    for (String t : vectorTexts(p)) {
                        texts.add(t);
                        owners.add(p.ordinal());
                    }
                }
                List<float[]> embedded = embedder.get().embedAll(texts);
                for (int i = 0; i < embedded.size(); i++) {
                    Document d = new Document();
                    d.add(new KnnFloatVectorField(VECTOR, embedded.get(i), VectorSimilarityFunction.COSINE));
                    d.add(new NumericDocValuesField(PASSAGE, owners.get(i)));
                    writer.addDocument(d);
                }
                vectors = embedded.size();
                scope = ScopeGate.build(inScopeQuestions(passages), outOfScopeQuestions(kb), embedder.get());
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory index", e);
        }
        try {
            return new KnowledgeIndex(passages, analyzers, embedder, DirectoryReader.open(dir), vectors, scope);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the in-memory index", e);
        }
    }

    private static List<Passage> passages(KnowledgeBase kb) {
        Map<String, String> sourceTitles = new HashMap<>();
        for (Source s : kb.sources()) {
            sourceTitles.put(s.id(), s.title());
        }
        List<Passage> list = new ArrayList<>();
        for (Article a : kb.articles()) {
            for (Section s : a.sections()) {
                list.add(new Passage(list.size(), s.id(), Passage.Kind.SECTION, a.title(), s.heading(), s.text(),
                        s.questions(), a.tags(), s.sourceId(), sourceTitles.getOrDefault(s.sourceId(), s.sourceId())));
            }
        }
        for (FaqEntry f : kb.faqs()) {
            List<String> questions = new ArrayList<>();
            questions.add(f.question());
            questions.addAll(f.phrasings());
            list.add(new Passage(list.size(), f.id(), Passage.Kind.FAQ, f.question(), f.question(), f.answer(),
                    questions, f.tags(), f.source(), sourceTitles.getOrDefault(f.source(), f.source())));
        }
        return List.copyOf(list);
    }

    /**
     * The texts embedded for a passage: the whole passage with its heading, each of its
     * sentences (a question usually matches one sentence of a long paragraph far better than
     * the paragraph as a whole), and every question it answers.
     */
    static List<String> vectorTexts(Passage p) {
        List<String> texts = new ArrayList<>();
        texts.add(p.section() + ". " + p.text());
        List<String> sentences = Sentences.split(p.text());
        if (sentences.size() > 1) {
            texts.addAll(sentences);
        }
        texts.addAll(p.questions());
        return texts;
    }

    /**
     * The questions the content answers, as members would put them: every FAQ question and
     * phrasing, and every section heading (headings are written as the question the section
     * answers; an ingested article's headings are the closest it has), plus the bundled bank of
     * questions within the bot's subject.
     */
    static List<String> inScopeQuestions(List<Passage> passages) {
        Set<String> out = new LinkedHashSet<>(ScopeBank.inScope());
        for (Passage p : passages) {
            out.addAll(p.questions());
            if (p.kind() == Passage.Kind.SECTION && !p.section().isBlank()) {
                out.add(p.section());
            }
        }
        return List.copyOf(out);
    }

    /** The bundled bank of questions the bot declines, plus the content's own. */
    static List<String> outOfScopeQuestions(KnowledgeBase kb) {
        Set<String> out = new LinkedHashSet<>(ScopeBank.outOfScope());
        out.addAll(kb.outOfScope());
        return List.copyOf(out);
    }

    /** In how many passages a (stemmed) term occurs. */
    public int documentFrequency(String term) {
        try {
            return reader.docFreq(new Term(ALL, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a text, as it stands, is about what the content answers (see {@link ScopeGate}). */
    public ScopeGate.Verdict judgeScope(String text) {
        return scope.judge(embedder.isPresent() && scope.active() ? embedQuestion(text) : null);
    }

    private static Document textDocument(Passage p) {
        Document d = new Document();
        String title = p.title() + " " + p.section();
        String questions = String.join(" \n ", p.questions());
        String tags = String.join(" ", p.tags());
        // "all" carries every word of the passage: BM25's main field, and the vocabulary that
        // decides whether a question is on topic at all.
        d.add(new TextField(ALL, title + " \n " + questions + " \n " + tags + " \n " + p.text(), Field.Store.NO));
        d.add(new TextField(WORDS, title + " \n " + questions + " \n " + p.text(), Field.Store.NO));
        d.add(new TextField(QUESTIONS, questions, Field.Store.NO));
        d.add(new TextField(TITLE, p.section(), Field.Store.NO));
        d.add(new NumericDocValuesField(PASSAGE, p.ordinal()));
        return d;
    }

    private static Set<String> terms(DirectoryReader reader, String field) {
        Set<String> out = new java.util.HashSet<>();
        try {
            for (var leaf : reader.leaves()) {
                org.apache.lucene.index.Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                org.apache.lucene.index.TermsEnum e = terms.iterator();
                for (org.apache.lucene.util.BytesRef t = e.next(); t != null; t = e.next()) {
                    out.add(t.utf8ToString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index vocabulary", e);
        }
        return Set.copyOf(out);
    }

    /** The analyzers the index was built and is searched with. */
    public CareerAnalyzers analyzers() {
        return analyzers;
    }

    /**
     * The topic words of a question, stemmed, de-duplicated and sorted: "What's the pay in
     * India?" and "india pay" give the same key, so paraphrases group together in the question
     * log even when only a hash of the key is stored.
     */
    public String topicKey(String cleanedQuestion) {
        try {
            String corrected = correctTypos(cleanedQuestion);
            java.util.TreeSet<String> words = new java.util.TreeSet<>();
            tokens(analyzers.index(), corrected).forEach(t -> words.add(t.term()));
            return words.isEmpty() ? corrected.toLowerCase(Locale.ROOT).strip() : String.join(" ", words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The passage with that id, if the index holds one. */
    public Optional<Passage> passage(String id) {
        return passages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Every indexed passage, by ordinal. */
    public List<Passage> passages() {
        return passages;
    }

    /** Whether the semantic side is on. */
    public boolean hybrid() {
        return embedder.isPresent();
    }

    /** Number of embedding vectors indexed (0 when lexical-only). */
    public int vectorCount() {
        return vectorCount;
    }

    /**
     * Finds the passages that best answer a cleaned question, best first, with the evidence.
     *
     * @param question question text after {@link ChatText#clean}
     * @return candidates and how much of the question the knowledge base knows
     */
    public Search search(String asked) {
        return search(asked, List.of());
    }

    /**
     * Finds the passages for a question read together with earlier words of its conversation.
     * BM25 weighs each group of earlier words by its own weight, so a follow-up's own words decide
     * which aspect is asked about; the embedding sees the question and all earlier words as one text.
     */
    Search search(String asked, List<Weighted> earlier) {
        try {
            String own = correctTypos(asked);
            StringBuilder whole = new StringBuilder(own);
            for (Weighted w : earlier) {
                if (!w.text().isBlank()) {
                    whole.append(' ').append(w.text());
                }
            }
            String question = whole.toString();
            Vocabulary words = vocabulary(question);
            Map<Integer, double[]> evidence = new HashMap<>();
            Query lexical = lexicalQuery(own, earlier);
            if (lexical != null) {
                for (ScoreDoc sd : searcher.search(lexical, LEXICAL_CANDIDATES).scoreDocs) {
                    evidence.computeIfAbsent(passageOf(sd.doc), k -> new double[2])[0] = sd.score;
                }
            }
            boolean vectors = embedder.isPresent() && vectorCount > 0;
            // A follow-up's own words, read alone, say which aspect it asks about when the earlier
            // subject dominates the whole text; every passage gets a similarity, so the candidates
            // compare. Embedded first: the scope check has usually just embedded the same words.
            float[] alone = vectors && !earlier.isEmpty() ? embedQuestion(own) : null;
            Map<Integer, Double> aloneSimilarity = alone == null ? Map.of() : nearest(alone, vectorCount);
            float[] v = vectors ? embedQuestion(question) : null;
            if (v != null) {
                nearest(v, Math.min(MAX_VECTOR_NEIGHBOURS, vectorCount)).forEach((ord, cosine) -> {
                    double[] e = evidence.computeIfAbsent(ord, x -> new double[2]);
                    e[1] = Math.max(e[1], cosine);
                });
            }
            List<Hit> hits = new ArrayList<>();
            evidence.forEach((ord, e) -> hits.add(new Hit(passages.get(ord), e[0], e[1], 0)));
            return new Search(question, hits, words.contentWords(), words.knownWords(), words.unknownWords(), scope.judge(v),
                    aloneSimilarity);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    /** The best cosine of each passage among the {@code k} vectors nearest to a question's vector, by ordinal. */
    private Map<Integer, Double> nearest(float[] vector, int k) throws IOException {
        Map<Integer, Double> out = new HashMap<>();
        for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k), k).scoreDocs) {
            out.merge(passageOf(sd.doc), 2.0 * sd.score - 1.0, Math::max); // Lucene maps cosine to (1 + cos) / 2
        }
        return out;
    }

    /**
     * The question's vector, or null when the model cannot embed it (then lexical evidence decides).
     * A follow-up's own words are embedded for the scope check and again for the search: the last
     * text this thread embedded is remembered, so the second time costs nothing. Vectors are never
     * modified, so sharing one is safe.
     */
    private float[] embedQuestion(String question) {
        if (question.isBlank()) {
            return null;
        }
        Embedded last = lastEmbedded.get();
        if (last != null && last.text().equals(question)) {
            return last.vector();
        }
        try {
            float[] vector = embedder.orElseThrow().embed(question);
            lastEmbedded.set(new Embedded(question, vector));
            return vector;
        } catch (IllegalArgumentException e) {
            return null; // the model refuses text it sees as empty (e.g. lone combining marks)
        }
    }

    /** A text and its vector. */
    private record Embedded(String text, float[] vector) {
    }

    private int passageOf(int doc) throws IOException {
        var leaves = reader.leaves();
        int leafIndex = org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves);
        var leaf = leaves.get(leafIndex);
        NumericDocValues values = leaf.reader().getNumericDocValues(PASSAGE);
        int local = doc - leaf.docBase;
        if (values == null || !values.advanceExact(local)) {
            throw new IOException("document " + doc + " has no passage ordinal");
        }
        return (int) values.longValue();
    }

    /**
     * Replaces words the knowledge base does not know by the closest word it does ("salery" ->
     * "salary"), so both BM25 and the embedding see the word the member meant. Short words are
     * left alone: at four letters almost everything is one typo away from something.
     */
    String correctTypos(String question) throws IOException {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (Token t : tokens(analyzers.surface(), question)) {
            String word = t.term();
            if (word.length() < 5 || analyzers.isStopWord(word) || word.chars().anyMatch(Character::isDigit)
                    || surfaceWords.contains(word) || knownAfterAnalysis(word)) {
                continue;
            }
            DirectSpellChecker spelling = word.length() >= 7 ? twoEdits : oneEdit;
            SuggestWord[] s = spelling.suggestSimilar(new Term(WORDS, word), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 0.7f);
            if (s.length > 0) {
                out.append(question, last, t.start()).append(s[0].string);
                last = t.end();
            }
        }
        return last == 0 ? question : out.append(question.substring(last)).toString();
    }

    /**
     * Whether a word is known once stemmed or through a synonym ("managers" is known when the
     * content says "manager" or "stakeholders"): such a word is not a typo and must not be
     * "corrected" to some other word that happens to be one edit away.
     */
    private boolean knownAfterAnalysis(String word) throws IOException {
        for (Token t : tokens(analyzers.query(), word)) {
            if (indexed(t.term())) {
                return true;
            }
        }
        return false;
    }

    /** Words searched with a weight of their own: earlier words of a conversation. */
    record Weighted(String text, float weight) {
    }

    private Query lexicalQuery(String question, List<Weighted> earlier) {
        Query own = lexicalQuery(question);
        if (earlier.isEmpty()) {
            return own;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        if (own != null) {
            q.add(own, BooleanClause.Occur.SHOULD);
            any = true;
        }
        for (Weighted w : earlier) {
            Query more = w.text().isBlank() || w.weight() <= 0 ? null : lexicalQuery(w.text());
            if (more != null) {
                q.add(new BoostQuery(more, w.weight()), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        return any ? q.build() : null;
    }

    private Query lexicalQuery(String question) {
        QueryBuilder builder = new QueryBuilder(analyzers.query());
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        Query all = builder.createBooleanQuery(ALL, question);
        if (all != null) {
            q.add(all, BooleanClause.Occur.SHOULD);
            any = true;
        }
        Query questions = builder.createBooleanQuery(QUESTIONS, question);
        if (questions != null) {
            q.add(new BoostQuery(questions, 0.6f), BooleanClause.Occur.SHOULD);
        }
        Query title = builder.createBooleanQuery(TITLE, question);
        if (title != null) {
            q.add(new BoostQuery(title, 0.4f), BooleanClause.Occur.SHOULD);
        }
        return any ? q.build() : null;
    }

    /**
     * The question's topic words (as typed, stop words removed) that the knowledge base does not
     * know, directly or through a synonym: "nurses" in "what about nurses?", not "seniors". Words
     * of chat ("week", "folks") are not listed: they never name another subject.
     */
    public List<String> unknownWords(String question) {
        try {
            return vocabulary(question).unknownWords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The question's topic words (stemmed, stop words removed) and how many of them the
     * knowledge base knows, directly or through a synonym.
     */
    private Vocabulary vocabulary(String question) throws IOException {
        List<Token> words = tokens(analyzers.index(), question);
        List<Token> expanded = tokens(analyzers.query(), question);
        Set<String> content = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        int known = 0;
        for (Token w : words) {
            if (!content.add(w.term())) {
                continue;
            }
            // Known directly, or through a synonym that the index holds.
            boolean isKnown = indexed(w.term());
            for (int i = 0; i < expanded.size() && !isKnown; i++) {
                Token e = expanded.get(i);
                isKnown = e.start() < w.end() && w.start() < e.end() && indexed(e.term());
            }
            String typed = question.substring(w.start(), w.end());
            if (isKnown) {
                known++;
            } else if (!analyzers.isChatWord(typed.toLowerCase(Locale.ROOT))) {
                unknown.add(typed);
            }
        }
        return new Vocabulary(List.copyOf(content), known, List.copyOf(unknown));
    }

    private boolean indexed(String term) {
        return vocabulary.contains(term);
    }

    private static List<Token> tokens(Analyzer analyzer, String text) throws IOException {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(ALL, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private record Token(String term, int start, int end) {
    }

    private record Vocabulary(List<String> contentWords, int knownWords, List<String> unknownWords) {
    }

    /**
     * What the index found for one question, before fusion.
     *
     * @param question     the cleaned question, typos corrected
     * @param candidates   passages found by either side, unordered, with raw evidence
     * @param contentWords the question's topic words (stemmed)
     * @param knownWords   how many of them the knowledge base knows
     * @param unknownWords the question's words the knowledge base does not know, as typed
     * @param scope        whether the question is about what the content answers
     * @param aloneSimilarity for a follow-up, each passage's cosine to its own words alone, by ordinal
     */
    public record Search(String question, List<Hit> candidates, List<String> contentWords, int knownWords,
                         List<String> unknownWords, ScopeGate.Verdict scope, Map<Integer, Double> aloneSimilarity) {
        /** Share of topic words the knowledge base knows; 0 when the question has none. */
        public double coverage() {
            return contentWords.isEmpty() ? 0 : (double) knownWords / contentWords.size();
        }

        /**
         * How close a passage is to a follow-up's own words read without the earlier ones (cosine);
         * 0 for a fresh question, or without embeddings.
         */
        public double aloneSimilarity(Passage passage) {
            return aloneSimilarity.getOrDefault(passage.ordinal(), 0.0);
        }
    }
}
