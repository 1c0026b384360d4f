package dev.mentorbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandsTest {
    private final Commands commands = Commands.standard(Fixtures.kb(), Fixtures.lexical());
    private final Member member = Member.console("ada");

    private Reply run(String command, Map<String, String> options) {
        return commands.handle(new CommandRequest(command, options, member));
    }

    @Test
    void specsAreTheOneListEveryAdapterUses() {
        assertThat(commands.specs()).extracting(CommandSpec::name)
                .containsExactly("ask", "salary", "skills", "path", "roadmap", "checklist", "help");
        assertThat(Commands.standardSpecs()).isEqualTo(commands.specs());
        assertThat(commands.specs()).allSatisfy(s -> assertThat(s.description()).hasSizeLessThanOrEqualTo(100));
    }

    @Test
    void askAnswersWithSources() {
        Reply r = run("ask", Map.of("question", "DL engineer salary"));
        assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(r.text()).contains("$95,500");
        assertThat(r.sources()).isNotEmpty();
        assertThat(r.ephemeral()).isFalse();
    }

    @Test
    void unknownCommandAndMissingOptionArePoliteErrors() {
        Reply unknown = run("dance", Map.of());
        assertThat(unknown.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(unknown.text()).isEqualTo("I don't know the command 'dance'. Commands: ask, salary, skills, path, "
                + "roadmap, checklist, help.");
        assertThat(unknown.ephemeral()).isTrue();

        Reply missing = run("ask", Map.of("question", "   "));
        assertThat(missing.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(missing.text()).startsWith("/ask needs question.");
    }

    @Test
    void roadmapListsTracksAndResolvesWhatMembersType() {
        Reply list = run("roadmap", Map.of());
        assertThat(list.kind()).isEqualTo(Reply.Kind.LIST);
        assertThat(list.items()).extracting(ReplyItem::id).containsExactly("from-zero", "from-software-engineering");

        Reply track = run("roadmap", Map.of("track", "Software"));
        assertThat(track.kind()).isEqualTo(Reply.Kind.ROADMAP);
        assertThat(track.title()).isEqualTo("From software engineering");
        assertThat(track.items()).extracting(ReplyItem::text).containsExactly("1. Math refresh");
        assertThat(track.items().get(0).detail()).isEqualTo("Checklists: math-basics");

        Reply zero = run("roadmap", Map.of("track", "from-zero"));
        assertThat(zero.items()).extracting(ReplyItem::text).containsExactly("1. Math and code basics", "2. First models");
        assertThat(zero.items().get(0).detail()).isEqualTo(
                "Goals: Solve small problems in Python\nPractice: Daily exercises\nChecklists: math-basics, coding");

        Reply unknown = run("roadmap", Map.of("track", "astronaut"));
        assertThat(unknown.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(unknown.text()).isEqualTo("I don't know the track 'astronaut'. The tracks are:");
        assertThat(unknown.items()).hasSize(2);

        assertThat(run("roadmap", Map.of("track", "from")).kind()).as("ambiguous").isEqualTo(Reply.Kind.ERROR);
    }

    @Test
    void checklistShowsItemsWithStableIds() {
        Reply topics = run("checklist", Map.of());
        assertThat(topics.items()).extracting(ReplyItem::id).containsExactlyInAnyOrder("math-basics", "coding");

        Reply math = run("checklist", Map.of("topic", "math"));
        assertThat(math.kind()).isEqualTo(Reply.Kind.CHECKLIST);
        assertThat(math.items()).extracting(ReplyItem::id)
                .containsExactly("math-basics/linear-algebra", "math-basics/calculus");
        assertThat(math.items()).extracting(ReplyItem::done).containsOnly(false);

        assertThat(run("checklist", Map.of("topic", "cooking")).kind()).isEqualTo(Reply.Kind.ERROR);
    }

    @Test
    void pathWithoutAStartingPointAnswersAndOffersTracks() {
        Reply general = run("path", Map.of());
        assertThat(general.title()).isEqualTo("The path to deep learning engineering");
        assertThat(general.items()).extracting(ReplyItem::id).containsExactly("from-zero", "from-software-engineering");

        assertThat(run("path", Map.of("from", "zero")).title()).isEqualTo("From zero");
        assertThat(run("path", Map.of("from", "plumbing")).text()).startsWith("I have no track for 'plumbing'");
    }

    @Test
    void helpListsEveryCommandWithItsUsage() {
        Reply help = run("help", Map.of());
        assertThat(help.items()).extracting(ReplyItem::text)
                .contains("ask <question>", "roadmap [track]", "checklist [topic]", "path [from]", "salary");
        assertThat(help.items()).hasSameSizeAs(commands.specs());
    }

    @Test
    void aFailingHandlerBecomesAnErrorReplyNotAnException() {
        Commands c = new Commands().register(new CommandSpec("boom", "Explodes", java.util.List.of()), r -> {
            throw new IllegalStateException("kaput");
        });
        Reply r = c.handle(new CommandRequest("boom", Map.of(), member));
        assertThat(r.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(r.text()).doesNotContain("kaput").contains("something went wrong");
    }
}
