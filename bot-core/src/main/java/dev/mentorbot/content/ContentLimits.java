package dev.mentorbot.content;

/**
 * How much content the loader accepts, so that a stray file (a 50 MB export, a minified one-line
 * dump, a folder of 10,000 notes) gets a clear problem report instead of exhausting the heap or
 * stalling start-up. Each limit is checked before the cost it guards: a file's size before its
 * bytes are read, the number of files before any is read, a file's lines before it is parsed,
 * and the passage count before anything is indexed or embedded.
 *
 * @param maxFileBytes the largest content file, in bytes
 * @param maxFiles     the most content files (.md, .txt, .yaml) in all folders together
 * @param maxLineChars the longest line in a content file, in characters
 * @param maxPassages  the most passages (article sections and FAQ entries) in all
 */
public record ContentLimits(long maxFileBytes, int maxFiles, int maxLineChars, int maxPassages) {
    /**
     * About a hundred times the bundled content in each dimension (31 files, the largest 12 KB, the
     * longest line under 1,000 characters, 139 passages): room for a community's own articles,
     * while the worst case still loads in a 256 MB heap.
     */
    public static final ContentLimits DEFAULTS = new ContentLimits(1024 * 1024, 1_000, 20_000, 5_000);

    /** Validates the limits. */
    public ContentLimits {
        if (maxFileBytes < 1 || maxFiles < 1 || maxLineChars < 1 || maxPassages < 1) {
            throw new IllegalArgumentException("content limits must be positive");
        }
    }

    /** One line naming every limit and its setting, as check-content prints it. */
    public String describe() {
        return "files up to " + (maxFileBytes / 1024) + " KB (content.max-file-kb), at most " + maxFiles
                + " files (content.max-files), lines up to " + maxLineChars + " characters (content.max-line-chars), at most "
                + maxPassages + " passages (content.max-passages)";
    }
}
