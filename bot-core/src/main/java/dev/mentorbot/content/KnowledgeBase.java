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

    public KnowledgeBase(List<Source> sources, List<Article> articles, List<FaqEntry> faqs,
                         List<Roadmap> roadmaps, List<Checklist> checklists) {
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
