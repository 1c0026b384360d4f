package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's Block Kit limits, checked on the JSON that goes over the wire. Slack refuses a whole
 * message or view (often as a bare {@code invalid_blocks} or {@code invalid_arguments}) when one
 * of these is broken, so the tests run every payload the adapter sends through here.
 *
 * <p>The limits are those of Slack's Block Kit reference (docs.slack.dev): 50 blocks in a message
 * and 100 in a Home tab or modal; {@code block_id} unique within the message or view and at most
 * 255 characters; {@code action_id} at most 255 and unique within its block; header text 150;
 * section text 3000 (and not empty), fields 2000 each, at most 10; context at most 10 elements;
 * actions at most 25 elements; button text 75 and value 2000; option text and description 75 and
 * value 150; at most 10 options per checkboxes element; every initial option equal to one of the
 * options.
 */
final class BlockKitValidator {
    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;

    private BlockKitValidator() {
    }

    /** Problems in a message's {@code blocks} array (JSON text); empty when Slack would accept it. */
    static List<String> message(String blocksJson) {
        return blocks(JsonParser.parseString(blocksJson).getAsJsonArray(), MESSAGE_BLOCKS);
    }

    /** Problems in a view object (JSON text), such as the Home tab sent with {@code views.publish}. */
    static List<String> view(String viewJson) {
        JsonObject view = JsonParser.parseString(viewJson).getAsJsonObject();
        if (!view.has("blocks")) {
            return List.of("view: no blocks");
        }
        return blocks(view.getAsJsonArray("blocks"), VIEW_BLOCKS);
    }

    /** Problems in blocks as the SDK's model objects, serialized exactly as the SDK sends them. */
    static List<String> blocks(Object modelBlocks, int max) {
        return blocks(JsonParser.parseString(Snapshots.json(modelBlocks)).getAsJsonArray(), max);
    }

    static void assertValid(Object modelBlocks, int max) {
        assertThat(blocks(modelBlocks, max)).as("Block Kit problems").isEmpty();
    }

    static List<String> blocks(JsonArray blocks, int max) {
        List<String> problems = new ArrayList<>();
        if (blocks.size() > max) {
            problems.add(blocks.size() + " blocks, more than " + max);
        }
        Set<String> blockIds = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject block = blocks.get(i).getAsJsonObject();
            String where = "block " + i + " (" + str(block, "type") + ")";
            String blockId = str(block, "block_id");
            if (blockId != null) {
                if (!blockIds.add(blockId)) {
                    problems.add(where + ": block_id '" + blockId + "' repeats");
                }
                max(problems, where + " block_id", blockId, 255);
            }
            switch (String.valueOf(str(block, "type"))) {
                case "header" -> max(problems, where + " text", text(block.get("text")), 150);
                case "section" -> section(problems, where, block);
                case "context" -> {
                    if (array(block, "elements").size() > 10) {
                        problems.add(where + ": more than 10 elements");
                    }
                }
                case "actions" -> {
                    JsonArray elements = array(block, "elements");
                    if (elements.isEmpty() || elements.size() > 25) {
                        problems.add(where + ": " + elements.size() + " elements, allowed 1 to 25");
                    }
                    Set<String> actionIds = new HashSet<>();
                    for (int e = 0; e < elements.size(); e++) {
                        JsonObject element = elements.get(e).getAsJsonObject();
                        String actionId = str(element, "action_id");
                        if (actionId != null && !actionIds.add(actionId)) {
                            problems.add(where + ": action_id '" + actionId + "' repeats in the block");
                        }
                        element(problems, where + " element " + e, element);
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }

    private static void section(List<String> problems, String where, JsonObject block) {
        if (block.has("text")) {
            String text = text(block.get("text"));
            if (text == null || text.isEmpty()) {
                problems.add(where + ": empty text");
            }
            max(problems, where + " text", text, 3000);
        } else if (!block.has("fields")) {
            problems.add(where + ": neither text nor fields");
        }
        if (block.has("fields")) {
            JsonArray fields = block.getAsJsonArray("fields");
            if (fields.size() > 10) {
                problems.add(where + ": more than 10 fields");
            }
            fields.forEach(f -> max(problems, where + " field", text(f), 2000));
        }
        if (block.has("accessory")) {
            element(problems, where + " accessory", block.getAsJsonObject("accessory"));
        }
    }

    private static void element(List<String> problems, String where, JsonObject element) {
        max(problems, where + " action_id", str(element, "action_id"), 255);
        switch (String.valueOf(str(element, "type"))) {
            case "button" -> {
                max(problems, where + " text", text(element.get("text")), 75);
                max(problems, where + " value", str(element, "value"), 2000);
            }
            case "checkboxes", "radio_buttons" -> {
                JsonArray options = array(element, "options");
                if (options.isEmpty() || options.size() > 10) {
                    problems.add(where + ": " + options.size() + " options, allowed 1 to 10");
                }
                for (JsonElement o : options) {
                    option(problems, where, o.getAsJsonObject());
                }
                for (JsonElement initial : array(element, "initial_options")) {
                    if (!options.contains(initial)) {
                        problems.add(where + ": initial option " + initial + " is not one of the options");
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void option(List<String> problems, String where, JsonObject option) {
        String label = text(option.get("text"));
        max(problems, where + " option text", label, 75);
        max(problems, where + " option value", str(option, "value"), 150);
        if (option.has("description")) {
            max(problems, where + " option description", text(option.get("description")), 75);
        }
    }

    private static void max(List<String> problems, String what, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(what + ": " + value.length() + " characters, more than " + max);
        }
    }

    private static String text(JsonElement textObject) {
        if (textObject == null || !textObject.isJsonObject()) {
            return null;
        }
        return str(textObject.getAsJsonObject(), "text");
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonArray() ? new JsonArray() : e.getAsJsonArray();
    }
}
