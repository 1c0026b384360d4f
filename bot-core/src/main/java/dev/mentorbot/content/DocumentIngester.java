package dev.mentorbot.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an arbitrary article that an admin brings (plain text, or Markdown without front
 * matter) into an {@link Article}: the first line is the title, headings start sections, and
 * every paragraph becomes one retrievable passage under its nearest heading.
 *
 * <p>An admin may add, right above a paragraph, a line {@code Questions: first | second} naming
 * questions that paragraph answers, as members would ask them; they are matched like FAQ
 * phrasings.
 *
 * <p>Plain text has no heading markup, so a heading is recognised as a short line without
 * closing punctuation that stands alone between paragraphs, which is how articles pasted from
 * the web look.
 */
public final class DocumentIngester {
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
    /** Web boilerplate that would otherwise become answers ("Read also: ...", "tags: #a #b"). */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "^(read also|see also|related|tags|popular posts|share this|advertisement)\\b.*",
            Pattern.CASE_INSENSITIVE);
    /**
     * A sentence that opens with a pronoun or a connective continues the one before it ("They
     * utilize...", "Equally important are..."): as the first words of a passage it names nothing,
     * so members read an answer that starts mid-thought, and search cannot tell what it is about.
     */
    private static final Pattern CONTINUES = Pattern.compile(
            "^(it|its|they|them|their|this|these|that|those|such|he|she|his|her|equally|additionally|moreover|"
                    + "furthermore|however|also|besides|similarly|likewise|consequently|therefore|thus|hence|"
                    + "in addition|as a result|on the other hand|meanwhile|nevertheless|nonetheless|instead|"
                    + "otherwise|yet|but|and|or|so|then|indeed)\\b", Pattern.CASE_INSENSITIVE);
    private static final int MIN_PASSAGE_WORDS = 8;
    private static final int CHUNK_CHARS = 400;
    private static final int MAX_HEADING_CHARS = 120;

    /**
     * Splits a document into an article.
     *
     * @param articleId id for the article (derived from the file name)
     * @param sourceId  id of the source that names this document
     * @param text      the whole document
     * @return the article; its title is the first non-blank line
     */
    public Article ingest(String articleId, String sourceId, String text) {
        List<List<String>> blocks = blocks(text);
        String title = blocks.isEmpty() ? articleId : stripHeading(String.join(" ", blocks.get(0)));
        List<Section> sections = new ArrayList<>();
        String heading = "Overview";
        String before = ""; // the sentence before the current paragraph, under the same heading
        List<String> questions = List.of(); // an admin's Questions: line for the next paragraph
        for (int i = 1; i < blocks.size(); i++) {
            List<String> block = blocks.get(i);
            if (block.size() > 1 && isTitleCaseHeading(block.get(0))) {
                heading = stripHeading(block.get(0));
                before = "";
                questions = List.of();
                block = block.subList(1, block.size());
            }
            var asked = Section.questionsLine(block.get(0));
            if (asked.isPresent()) {
                questions = asked.get();
                block = block.subList(1, block.size());
                if (block.isEmpty()) {
                    continue;
                }
            }
            String joined = String.join(" ", block).strip();
            if (BOILERPLATE.matcher(joined).matches()) {
                continue;
            }
            if (isHeading(block)) {
                heading = stripHeading(joined);
                before = "";
                questions = List.of();
                continue;
            }
            if (joined.split("\\s+").length < MIN_PASSAGE_WORDS) {
                continue;
            }
            for (String chunk : chunks(joined, before)) {
                sections.add(new Section(articleId + "#p" + (sections.size() + 1), heading, chunk, sourceId, questions));
            }
            questions = List.of();
            List<String> sentences = Sentences.split(joined);
            before = sentences.get(sentences.size() - 1);
        }
        return new Article(articleId, title, List.of(), sourceId, sections);
    }

    /** The title of a document: its first non-blank line, without Markdown heading marks. */
    public String title(String text, String fallback) {
        List<List<String>> blocks = blocks(text);
        return blocks.isEmpty() ? fallback : stripHeading(blocks.get(0).get(0));
    }

    /**
     * A long paragraph of a web article often covers several topics; as one passage it would
     * answer many questions vaguely. It is cut into runs of whole sentences of about
     * {@link #CHUNK_CHARS} characters, each answering one thing. A chunk that would start
     * mid-thought ({@link #CONTINUES}) starts one sentence earlier instead, so it names its
     * subject.
     *
     * @param before the sentence before the paragraph under the same heading, or empty
     */
    static List<String> chunks(String paragraph, String before) {
        List<String> sentences = Sentences.split(paragraph);
        List<String> chunks = new ArrayList<>();
        if (paragraph.length() <= CHUNK_CHARS * 3 / 2) {
            chunks.add(paragraph);
        } else {
            // Cut where the sentences fall, then let a chunk that starts mid-thought carry the
            // sentence before it: the cuts stay where they were, each chunk only gains context.
            StringBuilder current = new StringBuilder();
            String previous = "";
            String carried = "";
            for (String sentence : sentences) {
                if (current.length() > 0 && current.length() + sentence.length() > CHUNK_CHARS) {
                    chunks.add(carried + current);
                    current.setLength(0);
                    carried = CONTINUES.matcher(sentence).find() ? previous + " " : "";
                }
                current.append(current.length() > 0 ? " " : "").append(sentence.strip());
                previous = sentence.strip();
            }
            if (current.length() > 0) {
                chunks.add(carried + current);
            }
        }
        if (!before.isEmpty() && CONTINUES.matcher(chunks.get(0)).find()) {
            chunks.set(0, before + " " + chunks.get(0));
        }
        return chunks;
    }

    private static boolean isHeading(List<String> block) {
        if (block.size() != 1) {
            return false;
        }
        String line = block.get(0).strip();
        if (MARKDOWN_HEADING.matcher(line).matches()) {
            return true;
        }
        char last = line.charAt(line.length() - 1);
        return line.length() <= MAX_HEADING_CHARS && ".!?:;,\"”)".indexOf(last) < 0;
    }

    /**
     * A heading written directly above its paragraph, with no blank line between: only
     * accepted when it reads like a title (most longer words capitalised), because the first
     * line of a hard-wrapped paragraph also lacks closing punctuation.
     */
    private static boolean isTitleCaseHeading(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_HEADING_CHARS || ".!?:;,\"”)".indexOf(s.charAt(s.length() - 1)) >= 0) {
            return false;
        }
        long longWords = 0;
        long capitalised = 0;
        for (String w : s.split("\\s+")) {
            if (w.length() >= 4) {
                longWords++;
                if (Character.isUpperCase(w.codePointAt(0))) {
                    capitalised++;
                }
            }
        }
        return longWords > 0 && capitalised * 10 >= longWords * 6;
    }

    private static String stripHeading(String line) {
        var m = MARKDOWN_HEADING.matcher(line.strip());
        return m.matches() ? m.group(1).strip() : line.strip();
    }

    /** Paragraph blocks separated by blank lines; a Markdown heading line is always its own block. */
    private static List<List<String>> blocks(String text) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String raw : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            String line = raw.strip();
            boolean heading = MARKDOWN_HEADING.matcher(line).matches();
            if (line.isEmpty() || heading) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
                if (heading) {
                    blocks.add(List.of(line));
                }
                continue;
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /** A file name made into an id: lower case, {@code a-z0-9-}. */
    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "document" : s;
    }
}
