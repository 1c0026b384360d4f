package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** follow and next on the console over the bundled content, remembered between runs. */
class NextCliTest {
    @TempDir
    Path data;

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--data-dir";
        all[1] = data.toString();
        all[2] = "--lexical-only";
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all).assertNoStackTrace();
    }

    @Test
    void withoutATrackNextListsTheTracksAndTheCommandsThatFollowThem() {
        Cli.Result r = run("next");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Your next step\n").contains("You don't follow a track yet.")
                .contains("  - From zero to deep learning engineer  (from-zero)")
                .contains("You can run: follow from-zero | follow from-software-engineering | follow from-data-science");

        JsonNode json = run("next", "--json").json();
        assertThat(json.get("track").isNull()).isTrue();
        assertThat(json.get("items")).isEmpty();
        assertThat(json.get("tracks")).extracting(JsonNode::asText)
                .containsExactly("from-zero", "from-software-engineering", "from-data-science");
    }

    @Test
    void nextAfterATickShowsTheFollowingItemsAsJson() {
        Cli.Result followed = run("follow", "from", "zero");
        assertThat(followed.exit()).as(followed.toString()).isZero();
        assertThat(followed.out()).contains("You now follow From zero to deep learning engineer.")
                .contains("stage 1 of ").contains("  [ ] ");

        JsonNode first = run("next", "--json").json();
        assertThat(first.get("track").asText()).isEqualTo("from-zero");
        assertThat(first.get("stage").get("number").asInt()).isEqualTo(1);
        assertThat(first.get("progress").get("done").asInt()).isZero();
        JsonNode items = first.get("items");
        assertThat(items.size()).isBetween(2, 5);
        assertThat(items.get(0).get("done").asBoolean()).isFalse();
        String ticked = items.get(0).get("id").asText();
        String following = items.get(1).get("id").asText();

        assertThat(run("tick", "any", ticked).exit()).isZero();

        JsonNode next = run("next", "--json").json();
        assertThat(next.get("items")).extracting(i -> i.get("id").asText()).doesNotContain(ticked).startsWith(following);
        assertThat(next.get("progress").get("done").asInt()).isEqualTo(1);
        assertThat(next.get("progress").get("total").asInt()).isEqualTo(first.get("progress").get("total").asInt());
        assertThat(run("progress").out()).contains("Roadmap From zero to deep learning engineer (your track): ");
    }

    @Test
    void anUnknownTrackIsBadInput() {
        Cli.Result r = run("follow", "astronaut");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("I don't know the track 'astronaut'.");
    }
}
