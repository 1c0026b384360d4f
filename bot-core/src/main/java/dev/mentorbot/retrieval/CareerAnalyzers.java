package dev.mentorbot.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The two analyzers of the lexical side. Both tokenize, lower-case, drop chat stop words and
 * stem English; the query analyzer also expands career synonyms ("pay" finds "salary", "DL"
 * finds "deep learning"). Synonyms are applied to questions only, so the index stays plain and
 * the synonym list can change without re-indexing.
 */
public final class CareerAnalyzers {
    private final CharArraySet stopWords;
    private final Set<String> chatWords;
    private final SynonymMap synonyms;
    private final Analyzer index;
    private final Analyzer query;
    private final Analyzer surface;

    private CareerAnalyzers(CharArraySet stopWords, Set<String> chatWords, SynonymMap synonyms) {
        this.stopWords = stopWords;
        this.chatWords = chatWords;
        this.synonyms = synonyms;
        this.index = build(false);
        this.query = build(true);
        this.surface = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    /** Analyzers with the bundled stop word and synonym lists. */
    public static CareerAnalyzers standard() {
        try {
            CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
            stop.addAll(lines("stopwords.txt"));
            SolrSynonymParser parser = new SolrSynonymParser(true, true, new WhitespaceAnalyzer());
            try (Reader reader = resource("synonyms.txt")) {
                parser.parse(reader);
            }
            Set<String> chat = Set.copyOf(lines("chat-words.txt").stream()
                    .flatMap(l -> Arrays.stream(l.split("\\s+"))).toList());
            return new CareerAnalyzers(stop, chat, parser.build());
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("bundled synonym, stop word or chat word list is broken", e);
        }
    }

    /** Analyzer for indexed passages. */
    public Analyzer index() {
        return index;
    }

    /** Analyzer for member questions: the index analyzer plus synonym expansion. */
    public Analyzer query() {
        return query;
    }

    /** Lower-cased words as written, for spelling correction. */
    public Analyzer surface() {
        return surface;
    }

    /** Whether a lower-cased word carries no topic. */
    public boolean isStopWord(String word) {
        return stopWords.contains(word);
    }

    /**
     * Whether a lower-cased word, as typed, is a word of chat that never names what a question is
     * about ("week", "folks", "ready", "talking"): not a sign of another subject when the content
     * never saw it.
     */
    public boolean isChatWord(String word) {
        return chatWords.contains(word);
    }

    private Analyzer build(boolean withSynonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                if (withSynonyms) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = new StopFilter(stream, stopWords);
                stream = new PorterStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private static List<String> lines(String name) throws IOException {
        try (Reader reader = resource(name)) {
            return new java.io.BufferedReader(reader).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
    }

    private static Reader resource(String name) {
        InputStream in = CareerAnalyzers.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing resource " + name));
        }
        return new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8);
    }
}
