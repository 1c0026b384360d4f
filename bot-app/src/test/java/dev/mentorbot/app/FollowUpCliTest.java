package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow-up questions from the terminal: {@code ask --after}, a {@code chat} session, and eval items with "after". */
class FollowUpCliTest {
    @Test
    void askAfterAnEarlierQuestionUnderstandsTheFollowUpWithItsSubject() {
        Cli.Result r = Cli.run("ask", "--after", "how much do ml engineers make in the us?", "and in india?");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).containsIgnoringCase("lakh");

        Cli.Result before = Cli.run("ask", "--after", "what is kaggle", "and the deep learning engineer salary in india?");
        assertThat(before.out()).containsIgnoringCase("lakh");
    }

    @Test
    void anOffTopicFollowUpIsStillDeclined() {
        Cli.Result r = Cli.run("ask", "--after", "how much do ml engineers make in the us?", "what about chefs?");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("I don't have a sourced answer to that");
    }

    @Test
    void aFollowUpAboutAnotherAspectKeepsTheSubjectButNotTheEarlierAspect() {
        for (String q : new String[] {"is the field growing?", "is it growing?"}) {
            Cli.Result growth = Cli.run("ask", "--after", "how much do ml engineers make in the us?", q);
            assertThat(growth.out()).as(q + ": " + growth).contains("50%").doesNotContain("$105,000");
        }

        Cli.Result skills = Cli.run("ask", "--after", "what does a deep learning engineer do?", "what skills do they need?");
        assertThat(skills.out()).as(skills.toString()).containsIgnoringCase("mathematics").contains("Python");
    }

    @Test
    void theAnswerLeadsWithTheEntryWhoseQuestionsAskWhatWasAskedThoughItsTextNeverSaysIt() {
        // The entry on first roles never says "entry level job"; its questions do. Without them the
        // entry-level salary note, which says "entry-level", led.
        Cli.Result first = Cli.run("ask", "what entry level job should i aim for before becoming a dl engineer");
        assertThat(first.out().strip()).as(first.toString()).contains("data science or general machine learning engineering");

        Cli.Result models = Cli.run("ask", "--after", "i want to start deep learning, looks sick",
                "cool and after the math stuff, what models should i try first?");
        assertThat(models.out().strip()).as(models.toString()).contains("logistic regression");

        Cli.Result part = Cli.run("ask", "--after", "what is deep learning", "so its part of ml?");
        assertThat(part.out()).as(part.toString()).contains("subset of machine learning");
    }

    @Test
    void aFollowUpInsideTheScopeOnItsOwnWordsIsAnsweredWhereTheEarlierWordsPullElsewhere() {
        // With the earlier words ("backend dev java") the text sits nearest to learning Java for
        // Minecraft mods; the follow-up alone is plainly about the time to switch.
        Cli.Result r = Cli.run("ask", "--after", "im a backend dev (java mostly), can i switch into ml?",
                "how long would that take me?");

        assertThat(r.out()).as(r.toString()).doesNotStartWith("I don't have a sourced answer").contains("six months");
    }

    @Test
    void aFollowUpsOwnWordsChooseTheLeadWhenTheEarlierSubjectFindsTheEarlierAnswerFirst() {
        // Searched with the earlier words, the answer on why cloud skills matter comes first again;
        // "which cloud should i pick?" alone is nearest to the entry that names the clouds.
        Cli.Result r = Cli.run("ask", "--after", "why do dl engineers need cloud skills?", "which cloud should i pick?");

        assertThat(r.out().strip()).as(r.toString()).startsWith("AWS, Google Cloud and Azure");
    }

    @Test
    void aComparisonWeighsBothEarlierSubjects() {
        Cli.Result r = Cli.run("ask", "--after", "what does a dl engineer do?", "--after", "and ml engineers?",
                "which one pays more?");

        assertThat(r.out()).as(r.toString()).contains("$121,441").contains("$105,000");
    }

    @Test
    void aFollowUpWithAWordTheContentNeverSawIsDeclined() {
        for (String q : new String[] {"and the car market?", "and how do i fix my bike chain?"}) {
            Cli.Result r = Cli.run("ask", "--after", "is the dl job market growing?", q);
            assertThat(r.out()).as(q).startsWith("I don't have a sourced answer to that");
        }
    }

    @Test
    void chatWordsTheContentNeverSawDoNotDeclineAFollowUpButAnotherSubjectStillDoes() {
        String earlier = "how long does it take to become a deep learning engineer?";
        Cli.Result week = Cli.run("ask", "--after", earlier, "how many months would that be if im doing like 10h a week?");
        assertThat(week.out()).as(week.toString()).contains("six months");

        Cli.Result nurses = Cli.run("ask", "--after", earlier, "and how many hours a week do nurses work?");
        assertThat(nurses.out()).as(nurses.toString()).startsWith("I don't have a sourced answer to that");
    }

    @Test
    void aMemberDoneWithSomethingIsLedToWhatComesNext() {
        Cli.Result r = Cli.run("ask", "--after", "what math do i need for deep learning?",
                "and after the math, whats next on the roadmap");

        assertThat(r.out().strip()).as(r.toString()).doesNotStartWith("Focus on linear algebra").contains("supervised");
    }

    @Test
    void aFollowUpOutOfScopeAloneIsKeptWhenTheEarlierThingItAsksAboutPutsItInside() {
        // Alone, "k-means comes in which one" sits nearest to choosing k, an ML theory question the
        // bot declines; with the earlier aspect it is about supervised and unsupervised learning.
        Cli.Result r = Cli.run("ask", "--after", "supervised vs unsupervised learning difference?", "k-means comes in which one");

        assertThat(r.out()).as(r.toString()).doesNotStartWith("I don't have a sourced answer").contains("unsupervised");
    }

    @Test
    void aRoleAskedAboutTheEarlierThingKeepsThatThing() {
        Cli.Result r = Cli.run("ask", "--after", "what is reinforcement learning?", "do dl engineers actually use it?");

        assertThat(r.out()).as(r.toString()).contains("trial and error");
    }

    @Test
    void aQuestionInTheShapeOfTheEarlierOneAboutSomethingElseIsDeclined() {
        // Every word of it is one the content uses ("prepare", "test"): the scope bank's
        // exemplars of other tests and exams tell it apart from interview preparation.
        Cli.Result r = Cli.run("ask", "--after", "how do i prepare for ml interviews?", "how do i prep for my driving test");

        assertThat(r.out()).as(r.toString()).startsWith("I don't have a sourced answer to that");
    }

    @Test
    void aFollowUpAboutTheMemberKeepsWhoTheySaidTheyAreInAnOlderTurn() {
        Cli.Result r = Cli.run("ask", "--after", "im a backend dev (java, 5 yoe, fintech)", "--after", "can i move into ml",
                "--after", "what would i be missing", "is there like a roadmap for someone like me");

        assertThat(r.out()).as(r.toString()).contains("from-software-engineering roadmap");
    }

    @Test
    void explainShowsWhatAFollowUpIsSearchedWith() {
        Cli.Result r = Cli.run("ask", "--explain", "--after", "how much do ml engineers make in the us?", "is it growing?");

        assertThat(r.out()).as(r.toString())
                .contains("follow-up of \"ml engineers make us\": searched \"is it growing?\"")
                .contains("+ \"ml engineers\" x1.0").contains("+ \"make us\" x0.3")
                .contains("highest score + 0.68 x alone").containsPattern("alone 0\\.\\d{3}  will-ai-jobs-grow");
    }

    @Test
    void aChatSessionIsOneConversation() {
        Cli.Result r = Cli.runWithInput("how much do deep learning engineers earn?\nwhat about seniors?\n", "chat");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("$121,441").contains("15 years");
    }

    @Test
    void evalItemsWithEarlierQuestionsAreAskedInAConversation(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("follow-ups.jsonl");
        Files.writeString(set, """
                {"id": "f1", "after": ["how much do ml engineers make in the us?"], "q": "and in india?", "expect": [["lakh|lpa"]], "answered": true, "category": "follow-salary"}
                {"id": "f2", "q": "and in india?", "expect": [["lakh|lpa"]], "answered": true, "category": "no-context"}
                """);

        Cli.Result r = Cli.run("eval", set.toString(), "--by-category", "--all");

        assertThat(r.out()).contains("PASS f1").doesNotContain("MISS f1").contains("follow-salary");
    }
}
