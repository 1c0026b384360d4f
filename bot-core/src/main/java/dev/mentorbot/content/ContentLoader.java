package dev.mentorbot.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads content folders into a validated {@link KnowledgeBase}. Every problem in every file is
 * collected and reported together, each with its file, line where known, and what is wrong,
 * so an admin fixes a broken folder in one pass.
 *
 * <p>Layout of a folder (see {@code content/README.md}): {@code sources.yaml},
 * {@code articles/*.md}, {@code faq/*.yaml}, {@code roadmaps/*.yaml}, {@code checklists/*.yaml}.
 * Any other {@code .md} without front matter, and any {@code .txt}, is ingested as a plain
 * article by {@link DocumentIngester}, cited under its own title.
 */
public final class ContentLoader {
    /** Classpath folder of the bundled content (the {@code content} module). */
    public static final String BUNDLED_ROOT = "mentor-content";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Money, percentages, durations and Indian salary units: figures that need a published source. */
    private static final Pattern FIGURE = Pattern.compile(
            "[$€£₹]\\s?\\d[\\d,.]*\\d|[$€£₹]\\s?\\d|\\d\\s?%|\\bpercent\\b|\\blakhs?\\b|\\bLPA\\b"
                    + "|\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
                    + "\\+?\\s+(or more\\s+)?(years?|months?|weeks?)\\b",
            Pattern.CASE_INSENSITIVE);

    private final ObjectMapper yaml = com.fasterxml.jackson.databind.json.JsonMapper.builder(new YAMLFactory())
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    /** A content folder's own questions the bot must decline, beside the bundled bank (one a line). */
    public static final String OUT_OF_SCOPE_FILE = "out-of-scope.txt";

    private final DocumentIngester ingester = new DocumentIngester();
    private final ContentLimits limits;

    /** A loader with {@link ContentLimits#DEFAULTS}. */
    public ContentLoader() {
        this(ContentLimits.DEFAULTS);
    }

    /** A loader that refuses content beyond {@code limits}. */
    public ContentLoader(ContentLimits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    /** The limits this loader applies. */
    public ContentLimits limits() {
        return limits;
    }

    /** Loads the content bundled in the jar. */
    public KnowledgeBase loadBundled() throws ContentException {
        return load(List.of(bundledRoot()));
    }

    /** Loads one folder. */
    public KnowledgeBase load(Path folder) throws ContentException {
        return load(List.of(folder));
    }

    /**
     * Loads several folders as one knowledge base (bundled content plus an admin's extra folder):
     * ids must be unique across all of them, and files may cite sources of any folder.
     */
    public KnowledgeBase load(List<Path> folders) throws ContentException {
        Collected c = new Collected();
        Map<Path, List<Path>> filesByFolder = new java.util.LinkedHashMap<>();
        int contentFiles = 0;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                c.problem(folder.toString(), 0, "not a folder (or it does not exist)");
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                List<Path> files = walk.filter(ContentLoader::isContentFile).filter(Files::isRegularFile).sorted().toList();
                filesByFolder.put(folder, files);
                contentFiles += files.size();
            } catch (IOException | java.io.UncheckedIOException e) {
                c.problem(folder.toString(), 0, "cannot list files: " + e.getMessage());
            }
        }
        // Counted before any file is read: reading 10,000 files only to refuse them costs seconds.
        if (contentFiles > limits.maxFiles()) {
            c.problem(folders.get(folders.size() - 1).toString(), 0, contentFiles + " content files (.md, .txt, .yaml);"
                    + " the limit is " + limits.maxFiles() + " (content.max-files)");
            throw new ContentException(c.problems);
        }
        filesByFolder.forEach((folder, files) -> files.forEach(file -> readFile(folder, file, c)));
        return validate(c);
    }

    /** Resolves the bundled content folder, whether the classpath is a folder or a (shaded) jar. */
    public static Path bundledRoot() throws ContentException {
        URL url = ContentLoader.class.getClassLoader().getResource(BUNDLED_ROOT + "/sources.yaml");
        if (url == null) {
            throw new ContentException(List.of(new ContentProblem(BUNDLED_ROOT, 0,
                    "bundled content is missing from the classpath (was the content module built?)")));
        }
        try {
            return folderOf(url);
        } catch (URISyntaxException | IOException e) {
            throw new ContentException(List.of(new ContentProblem(BUNDLED_ROOT, 0,
                    "cannot open bundled content: " + e.getMessage())));
        }
    }

    /**
     * The folder holding a classpath resource, as a path the loader can read: a folder on disk,
     * or a folder inside a jar (whose file system is opened on first use).
     */
    public static Path folderOf(URL resource) throws URISyntaxException, IOException {
        URI uri = resource.toURI();
        if ("jar".equals(uri.getScheme())) {
            try {
                FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                FileSystems.newFileSystem(uri, Map.of());
            }
        }
        return Path.of(uri).getParent();
    }

    private static boolean isContentFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".md") || name.endsWith(".txt");
    }

    /** The 1-based number of the first line longer than {@code max} characters, or 0. */
    private static int firstLineLongerThan(String text, int max) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > max) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%d KB", bytes / 1024);
    }

    private void readFile(Path folder, Path file, Collected c) {
        String rel = folder.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
        boolean yamlFile = name.endsWith(".yaml") || name.endsWith(".yml");
        String text;
        try {
            // The size first: a 50 MB file is refused without its bytes ever being read.
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                c.problem(rel, 0, "is " + megabytes(size) + "; the limit is " + megabytes(limits.maxFileBytes())
                        + " (content.max-file-kb)");
                return;
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            c.problem(rel, 0, "not valid UTF-8 text");
            return;
        } catch (IOException e) {
            c.problem(rel, 0, "cannot read: " + e.getMessage());
            return;
        }
        int longLine = firstLineLongerThan(text, limits.maxLineChars());
        if (longLine > 0) {
            c.problem(rel, longLine, "a line longer than " + limits.maxLineChars() + " characters (content.max-line-chars):"
                    + " is this a content file?");
            return;
        }
        c.texts.put(rel, text);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (top.isEmpty() && name.equals(OUT_OF_SCOPE_FILE)) {
            c.outOfScope.addAll(OutOfScopeQuestions.parse(text));
        } else if (yamlFile) {
            readYaml(rel, top, name, text, c);
        } else if (name.endsWith(".md") && text.startsWith("---")) {
            readArticle(rel, text, c);
        } else {
            String id = DocumentIngester.slug(file.getFileName().toString().replaceFirst("\\.[^.]+$", ""));
            String sourceId = "doc-" + id;
            String title = ingester.title(text, file.getFileName().toString());
            c.sources.add(new Located<>(rel, new Source(sourceId, SourceKind.ARTICLE, title,
                    "ingested from " + rel)));
            Article article = ingester.ingest(id, sourceId, text);
            if (article.sections().isEmpty()) {
                c.problem(rel, 0, "no paragraph long enough to answer from");
            }
            c.articles.add(new Located<>(rel, article));
        }
    }

    private void readYaml(String rel, String top, String name, String text, Collected c) {
        try {
            if (top.isEmpty() && (name.equals("sources.yaml") || name.equals("sources.yml"))) {
                List<Source> list = yaml.readValue(text, new TypeReference<List<Source>>() { });
                nonNull(list).forEach(s -> c.sources.add(new Located<>(rel, s)));
            } else if (top.equals("faq")) {
                List<FaqEntry> list = yaml.readValue(text, new TypeReference<List<FaqEntry>>() { });
                nonNull(list).forEach(f -> c.faqs.add(new Located<>(rel, f)));
            } else if (top.equals("roadmaps")) {
                c.roadmaps.add(new Located<>(rel, required(yaml.readValue(text, Roadmap.class))));
            } else if (top.equals("checklists")) {
                c.checklists.add(new Located<>(rel, required(yaml.readValue(text, Checklist.class))));
            } else {
                c.problem(rel, 0, "YAML file in an unknown place: expected sources.yaml at the top, "
                        + "or a file under faq/, roadmaps/ or checklists/");
            }
        } catch (JsonProcessingException e) {
            c.problem(rel, errorLine(e, text), describe(e));
            c.sourcesBroken |= name.startsWith("sources.");
        } catch (IllegalArgumentException e) {
            c.problem(rel, 0, e.getMessage());
            c.sourcesBroken |= name.startsWith("sources.");
        }
    }

    private void readArticle(String rel, String text, Collected c) {
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            c.problem(rel, 1, "front matter opened with '---' is never closed by a '---' line");
            return;
        }
        FrontMatter fm;
        try {
            fm = required(yaml.readValue(text.substring(3, end), FrontMatter.class));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
            c.problem(rel, line, "front matter: " + describe(e));
            return;
        } catch (IllegalArgumentException e) {
            c.problem(rel, 1, "front matter: " + e.getMessage());
            return;
        }
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        int bodyLine = lineAt(text, Math.max(bodyStart, 0)) + 1;
        List<Section> sections = new ArrayList<>();
        String heading = "Overview";
        StringBuilder current = new StringBuilder();
        int headingLine = bodyLine;
        String[] lines = body.split("\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            boolean atEnd = i == lines.length;
            String line = atEnd ? "" : lines[i];
            if (atEnd || line.startsWith("## ")) {
                addSection(rel, fm, heading, current.toString(), headingLine, sections, c);
                if (!atEnd) {
                    heading = line.substring(3).strip();
                    headingLine = bodyLine + i;
                    current.setLength(0);
                }
            } else {
                current.append(line).append('\n');
            }
        }
        if (sections.isEmpty()) {
            c.problem(rel, bodyLine, "article has no text to answer from");
        }
        c.articles.add(new Located<>(rel, new Article(fm.id(), fm.title(), fm.tags(), fm.source(), sections)));
    }

    private static void addSection(String rel, FrontMatter fm, String heading, String raw, int line,
                                   List<Section> sections, Collected c) {
        String text = raw.strip();
        String sourceId = fm.source();
        Matcher m = Pattern.compile("^Source:\\s*(\\S+)\\s*\\n?").matcher(text);
        if (m.find()) {
            sourceId = m.group(1);
            text = text.substring(m.end()).strip();
        }
        List<String> questions = List.of();
        int firstLineEnd = text.indexOf('\n');
        var questionsLine = Section.questionsLine(firstLineEnd < 0 ? text : text.substring(0, firstLineEnd));
        if (questionsLine.isPresent()) {
            questions = questionsLine.get();
            text = firstLineEnd < 0 ? "" : text.substring(firstLineEnd + 1).strip();
        }
        if (text.isEmpty()) {
            if (!"Overview".equals(heading)) {
                c.problem(rel, line, "section '" + heading + "' is empty");
            }
            return;
        }
        String id = fm.id() + "#" + DocumentIngester.slug(heading);
        Section section = new Section(id, heading, text.replaceAll("\\s*\\n\\s*", " "), sourceId, questions);
        c.sectionLines.put(section.id(), line);
        sections.add(section);
    }

    private KnowledgeBase validate(Collected c) throws ContentException {
        Map<String, Source> sources = new HashMap<>();
        for (Located<Source> s : c.sources) {
            if (checkId(c, s.file, s.value.id(), "source") && sources.putIfAbsent(s.value.id(), s.value) != null) {
                c.problem(s.file, c.lineOf(s.file, s.value.id()), "duplicate source id '" + s.value.id() + "'");
            }
        }
        Set<String> articleIds = new HashSet<>();
        for (Located<Article> a : c.articles) {
            Article art = a.value;
            if (checkId(c, a.file, art.id(), "article") && !articleIds.add(art.id())) {
                c.problem(a.file, 0, "duplicate article id '" + art.id() + "'");
            }
            Set<String> sectionIds = new HashSet<>();
            for (Section s : art.sections()) {
                int line = c.sectionLines.getOrDefault(s.id(), 0);
                if (!sectionIds.add(s.id())) {
                    c.problem(a.file, line, "two sections are both headed '" + s.heading() + "'");
                }
                checkSource(c, sources, a.file, line, s.sourceId(), s.text());
            }
        }
        Map<String, String> faqFiles = new HashMap<>();
        for (Located<FaqEntry> f : c.faqs) {
            FaqEntry e = f.value;
            int line = c.lineOf(f.file, e.id());
            if (checkId(c, f.file, e.id(), "FAQ entry")) {
                String first = faqFiles.putIfAbsent(e.id(), f.file);
                if (first != null) {
                    // The duplicate is the later entry: in the same file, its second occurrence.
                    line = c.lineOf(f.file, e.id(), first.equals(f.file) ? 2 : 1);
                    c.problem(f.file, line, "duplicate FAQ id '" + e.id() + "' (first defined in " + first + ")");
                }
            }
            if (e.question().isBlank() || e.answer().isBlank()) {
                c.problem(f.file, line, "FAQ entry '" + e.id() + "' needs a question and an answer");
            }
            checkSource(c, sources, f.file, line, e.source(), e.answer());
        }
        Map<String, Checklist> checklists = new HashMap<>();
        for (Located<Checklist> l : c.checklists) {
            Checklist cl = l.value;
            if (checkId(c, l.file, cl.id(), "checklist") && checklists.putIfAbsent(cl.id(), cl) != null) {
                c.problem(l.file, c.lineOf(l.file, cl.id()), "duplicate checklist id '" + cl.id() + "'");
            }
            if (cl.items().isEmpty()) {
                c.problem(l.file, 0, "checklist '" + cl.id() + "' has no items");
            }
            Set<String> itemIds = new HashSet<>();
            for (ChecklistItem item : cl.items()) {
                if (checkId(c, l.file, item.id(), "item") && !itemIds.add(item.id())) {
                    c.problem(l.file, c.lineOf(l.file, item.id(), 2), "duplicate item id '" + item.id() + "'");
                }
                checkSource(c, sources, l.file, c.lineOf(l.file, item.id()), cl.source(), item.text());
            }
        }
        Set<String> roadmapIds = new HashSet<>();
        for (Located<Roadmap> r : c.roadmaps) {
            Roadmap rm = r.value;
            if (checkId(c, r.file, rm.id(), "roadmap") && !roadmapIds.add(rm.id())) {
                c.problem(r.file, c.lineOf(r.file, rm.id()), "duplicate roadmap id '" + rm.id() + "'");
            }
            if (rm.stages().isEmpty()) {
                c.problem(r.file, 0, "roadmap '" + rm.id() + "' has no stages");
            }
            Set<String> stageIds = new HashSet<>();
            for (RoadmapStage stage : rm.stages()) {
                int line = c.lineOf(r.file, stage.id());
                if (checkId(c, r.file, stage.id(), "stage") && !stageIds.add(stage.id())) {
                    c.problem(r.file, c.lineOf(r.file, stage.id(), 2), "duplicate stage id '" + stage.id() + "'");
                }
                for (String ref : stage.checklists()) {
                    if (!c.checklists.stream().anyMatch(l -> l.value.id().equals(ref))) {
                        c.problem(r.file, c.lineOf(r.file, ref),
                                "stage '" + stage.id() + "' links checklist '" + ref + "', which does not exist");
                    }
                }
                String stageText = String.join(" ", stage.goals()) + " " + String.join(" ", stage.practice())
                        + " " + (stage.duration() == null ? "" : stage.duration());
                checkSource(c, sources, r.file, line, rm.source(), stageText);
            }
        }
        int passages = c.articles.stream().mapToInt(a -> a.value.sections().size()).sum() + c.faqs.size();
        if (passages > limits.maxPassages()) {
            c.problem("(content)", 0, passages + " passages; the limit is " + limits.maxPassages()
                    + " (content.max-passages)");
        }
        if (c.articles.isEmpty() && c.faqs.isEmpty() && c.problems.isEmpty()) {
            c.problem("(content)", 0, "no articles, FAQ entries or documents found: nothing to answer from");
        }
        if (!c.problems.isEmpty()) {
            throw new ContentException(c.problems);
        }
        return new KnowledgeBase(c.sources.stream().map(l -> l.value).toList(),
                c.articles.stream().map(l -> l.value).toList(),
                c.faqs.stream().map(l -> l.value).toList(),
                c.roadmaps.stream().map(l -> l.value)
                        .sorted(java.util.Comparator.comparing(Roadmap::order).thenComparing(Roadmap::id)).toList(),
                c.checklists.stream().map(l -> l.value).toList(),
                c.outOfScope);
    }

    private static boolean checkId(Collected c, String file, String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            c.problem(file, id == null ? 0 : c.lineOf(file, id),
                    what + " id '" + id + "' must be lower-case letters, digits and '-'");
            return false;
        }
        return true;
    }

    /** The source must exist, and only a published source may carry figures. */
    private static void checkSource(Collected c, Map<String, Source> sources, String file, int line,
                                    String sourceId, String text) {
        Source source = sources.get(sourceId);
        if (source == null) {
            if (!c.sourcesBroken) {
                c.problem(file, line, "unknown source '" + sourceId + "' (add it to sources.yaml)");
            }
            return;
        }
        Matcher figure = FIGURE.matcher(text == null ? "" : text);
        if (source.kind() == SourceKind.EDITORIAL && figure.find()) {
            c.problem(file, line, "figure '" + figure.group() + "' cited to editorial source '" + sourceId
                    + "': figures must come from a published source");
        }
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("file is empty");
        }
        return value;
    }

    private static <T> List<T> nonNull(List<T> list) {
        if (list == null) {
            throw new IllegalArgumentException("file is empty");
        }
        if (list.contains(null)) {
            throw new IllegalArgumentException("list holds an empty entry");
        }
        return list;
    }

    private static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg.startsWith("Missing required creator property")) {
            Matcher m = Pattern.compile("'([^']+)'").matcher(msg);
            return m.find() ? "missing required field '" + m.group(1) + "'" : "missing required field";
        }
        if (msg.startsWith("Unrecognized field")) {
            Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(msg);
            return m.find() ? "unknown field '" + m.group(1) + "'" : "unknown field";
        }
        if (msg.contains("SourceKind")) {
            return "source kind must be 'article' or 'editorial'";
        }
        return "bad YAML: " + msg.lines().findFirst().orElse(msg);
    }

    /**
     * Where to point an admin for a YAML error. Jackson reports a missing field at the end of its
     * object; the line where that list entry starts is far more useful.
     */
    private static int errorLine(JsonProcessingException e, String text) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m) || m.getPath().isEmpty()
                || !describe(e).startsWith("missing required field")) {
            return line;
        }
        // Follow the path (field "items", entry 3, ...) through the text to the entry's first line;
        // the path's last step is the missing field itself, which is not in the text.
        int offset = 0;
        for (var ref : m.getPath().subList(0, m.getPath().size() - 1)) {
            Matcher at;
            if (ref.getIndex() >= 0) {
                at = Pattern.compile("(?m)^(\\s*)-\\s").matcher(text);
                int seen = -1;
                String indent = null;
                boolean found = false;
                for (int from = offset; at.find(from); from = at.end()) {
                    if (indent == null) {
                        indent = at.group(1);
                    }
                    if (at.group(1).equals(indent) && ++seen == ref.getIndex()) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return line;
                }
                offset = at.start();
            } else if (ref.getFieldName() != null) {
                at = Pattern.compile("(?m)^\\s*(-\\s*)?" + Pattern.quote(ref.getFieldName()) + "\\s*:").matcher(text);
                if (!at.find(offset)) {
                    break;
                }
                offset = at.end();
            }
        }
        return lineAt(text, offset);
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Front matter of a curated Markdown article. */
    private record FrontMatter(
            @com.fasterxml.jackson.annotation.JsonProperty(required = true) String id,
            @com.fasterxml.jackson.annotation.JsonProperty(required = true) String title,
            List<String> tags,
            @com.fasterxml.jackson.annotation.JsonProperty(required = true) String source) {
        FrontMatter {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    private record Located<T>(String file, T value) {
    }

    /** Everything read so far, with where it came from, and the problems met. */
    private static final class Collected {
        final List<Located<Source>> sources = new ArrayList<>();
        final List<Located<Article>> articles = new ArrayList<>();
        final List<Located<FaqEntry>> faqs = new ArrayList<>();
        final List<Located<Roadmap>> roadmaps = new ArrayList<>();
        final List<Located<Checklist>> checklists = new ArrayList<>();
        final List<ContentProblem> problems = new ArrayList<>();
        final List<String> outOfScope = new ArrayList<>();
        final Map<String, String> texts = new HashMap<>();
        final Map<String, Integer> sectionLines = new HashMap<>();
        /** Set when sources.yaml could not be read, so every citation is not reported as unknown too. */
        boolean sourcesBroken;

        void problem(String file, int line, String message) {
            problems.add(new ContentProblem(file, line, message));
        }

        /** Line of the first {@code id: value} (or list entry {@code - value}) in a file, 0 if not found. */
        int lineOf(String file, String id) {
            return lineOf(file, id, 1);
        }

        /** Line of the n-th {@code id: value} (or list entry {@code - value}) in a file, 0 if not found. */
        int lineOf(String file, String id, int occurrence) {
            String text = texts.get(file);
            if (text == null || id == null) {
                return 0;
            }
            Matcher m = Pattern.compile("(?m)^\\s*(-\\s*)?(id:\\s*)?[\"']?" + Pattern.quote(id) + "[\"']?\\s*$")
                    .matcher(text);
            int found = 0;
            while (m.find()) {
                if (++found == occurrence) {
                    return lineAt(text, m.start());
                }
            }
            return 0;
        }
    }
}
