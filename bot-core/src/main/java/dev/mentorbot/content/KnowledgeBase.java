package dev.mentorbot.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Everything the bot knows, validated and immutable. Built by {@link ContentLoader}. */
public final class KnowledgeBase {
    private final Map<String, Source> sources;
    private final List<Article> articles;
    private final List<FaqEntry> faqs;
    private final Map<String, Roadmap> roadmaps;
    private final Map<String, Checklist> checklists;
    private final List<String> outOfScope;

    public KnowledgeBase(List<Source> sources, List<Article> articles, List<FaqEntry> faqs,
                         List<Roadmap> roadmaps, List<Checklist> checklists) {
        this(sources, articles, faqs, roadmaps, checklists, List.of());
    }

    /**
     * A knowledge base that also names questions it must decline.
     *
     * @param outOfScope questions the content's authors know it does not answer (from
     *                   {@code out-of-scope.txt} files), added to the bundled bank of such questions
     */
    public KnowledgeBase(List<Source> sources, List<Article> articles, List<FaqEntry> faqs,
                         List<Roadmap> roadmaps, List<Checklist> checklists, List<String> outOfScope) {
        this.outOfScope = List.copyOf(outOfScope);
        this.sources = byId(sources, Source::id);
        this.articles = List.copyOf(articles);
        this.faqs = List.copyOf(faqs);
        this.roadmaps = byId(roadmaps, Roadmap::id);
        this.checklists = byId(checklists, Checklist::id);
    }

    private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        values.forEach(v -> map.put(id.apply(v), v));
        return java.util.Collections.unmodifiableMap(map);
    }

    public List<Article> articles() {
        return articles;
    }

    public List<FaqEntry> faqs() {
        return faqs;
    }

    public List<Roadmap> roadmaps() {
        return List.copyOf(roadmaps.values());
    }

    public List<Checklist> checklists() {
        return List.copyOf(checklists.values());
    }

    /** Questions the content's authors listed as out of scope ({@code out-of-scope.txt}). */
    public List<String> outOfScope() {
        return outOfScope;
    }

    public List<Source> sources() {
        return List.copyOf(sources.values());
    }

    public Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public Optional<Roadmap> roadmap(String id) {
        return Optional.ofNullable(roadmaps.get(id));
    }

    public Optional<Checklist> checklist(String id) {
        return Optional.ofNullable(checklists.get(id));
    }

    /** Number of retrievable passages: article sections plus FAQ entries. */
    public int passageCount() {
        return articles.stream().mapToInt(a -> a.sections().size()).sum() + faqs.size();
    }
}
