package dev.mentorbot.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeddings computed before, keyed by a hash of the text. The bundled content ships one, built
 * with the jar, so start-up does not spend seconds embedding text that never changes; any text
 * not in it (new or edited content) is simply embedded at start-up.
 */
public final class EmbeddingCache {
    /** File name of a cache inside a content folder. */
    public static final String FILE_NAME = "embeddings.bin";
    private static final int MAGIC = 0x4D42_4531; // "MBE1"

    private final String model;
    private final int dimension;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    /**
     * A cache primed with the {@value #FILE_NAME} files found in content folders. A missing file
     * is normal; a damaged one only costs start-up time, since everything is embedded afresh.
     */
    public static EmbeddingCache fromFolders(List<java.nio.file.Path> folders, String model, int dimension) {
        EmbeddingCache cache = new EmbeddingCache(model, dimension);
        for (java.nio.file.Path folder : folders) {
            java.nio.file.Path file = folder.resolve(FILE_NAME);
            if (java.nio.file.Files.isRegularFile(file)) {
                try (InputStream in = java.nio.file.Files.newInputStream(file)) {
                    cache.readFrom(in);
                } catch (IOException | RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(EmbeddingCache.class)
                            .warn("ignoring damaged embedding cache {}: {}", file, e.toString());
                }
            }
        }
        return cache;
    }

    public EmbeddingCache(String model, int dimension) {
        this.model = model;
        this.dimension = dimension;
    }

    /**
     * Adds the vectors of a cache file. A file of another model or dimension is ignored, never
     * trusted: its vectors would silently break search.
     *
     * @return how many vectors were added
     */
    public int readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        if (data.readInt() != MAGIC || !data.readUTF().equals(model) || data.readInt() != dimension) {
            return 0;
        }
        int count = data.readInt();
        for (int i = 0; i < count; i++) {
            String key = data.readUTF();
            float[] v = new float[dimension];
            for (int j = 0; j < dimension; j++) {
                v[j] = data.readFloat();
            }
            vectors.put(key, v);
        }
        return count;
    }

    /** Writes the cache. */
    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.writeUTF(model);
        data.writeInt(dimension);
        data.writeInt(vectors.size());
        for (var e : new java.util.TreeMap<>(vectors).entrySet()) {
            data.writeUTF(e.getKey());
            for (float f : e.getValue()) {
                data.writeFloat(f);
            }
        }
        data.flush();
    }

    public int size() {
        return vectors.size();
    }

    /** An embedder that answers from this cache and embeds (and remembers) only what it lacks. */
    public Embedder over(Embedder embedder) {
        return new Embedder() {
            @Override
            public int dimension() {
                return embedder.dimension();
            }

            @Override
            public float[] embed(String text) {
                return embedder.embed(text); // questions: always fresh, never cached
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                List<String> missing = new ArrayList<>();
                for (String t : texts) {
                    if (!vectors.containsKey(key(t))) {
                        missing.add(t);
                    }
                }
                if (!missing.isEmpty()) {
                    List<float[]> computed = embedder.embedAll(missing);
                    for (int i = 0; i < missing.size(); i++) {
                        vectors.put(key(missing.get(i)), computed.get(i));
                    }
                }
                return texts.stream().map(t -> vectors.get(key(t))).toList();
            }
        };
    }

    private static String key(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
