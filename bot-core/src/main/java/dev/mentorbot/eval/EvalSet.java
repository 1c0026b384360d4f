package dev.mentorbot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a question set: one JSON object a line, {@code {"id", "q", "expect", "answered"}}, an
 * optional {@code "category"}, and an optional {@code "after": [...]} of questions asked first in
 * the same conversation.
 */
public final class EvalSet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalSet() {
    }

    /**
     * Parses a question set.
     *
     * @param name   name for error messages (usually the file name)
     * @param reader the lines
     * @throws IllegalArgumentException naming the line and what is wrong
     */
    public static List<EvalQuestion> read(String name, Reader reader) throws IOException {
        List<EvalQuestion> out = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = lines.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(parse(JSON.readTree(line)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(name + ":" + n + ": " + message(e));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(name + ": no questions in the file");
        }
        return out;
    }

    private static EvalQuestion parse(JsonNode node) {
        if (!node.isObject() || !node.path("q").isTextual()) {
            throw new IllegalArgumentException("expected an object with a text field \"q\"");
        }
        boolean answered = node.path("answered").asBoolean(true);
        List<List<Pattern>> expect = new ArrayList<>();
        JsonNode groups = node.path("expect");
        if (groups.isArray()) {
            for (JsonNode group : groups) {
                List<Pattern> alternatives = new ArrayList<>();
                for (JsonNode p : group.isArray() ? group : List.of(group)) {
                    alternatives.add(Pattern.compile(p.asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                }
                expect.add(alternatives);
            }
        }
        List<String> after = new ArrayList<>();
        JsonNode earlier = node.path("after");
        if (!earlier.isMissingNode() && !earlier.isNull() && !earlier.isArray()) {
            throw new IllegalArgumentException("\"after\" must be a list of earlier questions");
        }
        for (JsonNode q : earlier) {
            after.add(q.asText());
        }
        return new EvalQuestion(node.path("id").asText(""), node.path("q").asText(), expect, answered,
                node.path("category").asText(""), after);
    }

    private static String message(Exception e) {
        if (e instanceof PatternSyntaxException p) {
            return "bad regex: " + p.getDescription() + " in " + p.getPattern();
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
