package dev.mentorbot.app.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The known key a misspelt one most likely meant, for "did you mean" hints: the closest by edit
 * distance when it is close enough to be a typo ({@code admin.prot} is {@code admin.port}), else
 * a key with the same last part in another section ({@code port} is {@code admin.port}).
 */
final class NearestKey {
    private NearestKey() {
    }

    static Optional<String> to(String key, Collection<String> known) {
        // A third of the key's length, at least 2: "admin.prot" (2 edits) is a typo, "log.file" is
        // not "log.level" (4 edits).
        int allowed = Math.max(2, key.length() / 3);
        Optional<String> closest = known.stream()
                .filter(k -> distance(key, k) <= allowed)
                .min(Comparator.comparingInt((String k) -> distance(key, k)));
        if (closest.isPresent()) {
            return closest;
        }
        String last = key.substring(key.lastIndexOf('.') + 1);
        return known.stream().filter(k -> k.endsWith("." + last) || k.equals(last)).findFirst();
    }

    /**
     * Levenshtein distance (insertions, deletions and substitutions, one each) with a swap of two
     * neighbouring letters counting as one edit too, since that is the commonest typo.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
