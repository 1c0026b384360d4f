package dev.mentorbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Telling a follow-up from a fresh question, as a member would read it. */
class FollowUpTest {
    @Test
    void aQuestionWithoutASubjectOfItsOwnContinuesTheOneBefore() {
        assertThat(FollowUp.continues("and in india?")).isTrue();
        assertThat(FollowUp.continues("how long does that take?")).isTrue();
        assertThat(FollowUp.continues("ok cool and what do they actually do day to day")).isTrue();
    }

    @Test
    void askingWhatSomethingIsStartsAfreshButAskingAboutOneselfOrTheAnswerDoesNot() {
        assertThat(FollowUp.continues("what is kaggle")).isFalse();
        assertThat(FollowUp.continues("what's a cnn")).isFalse();
        assertThat(FollowUp.continues("what are my gaps?")).isTrue();
        assertThat(FollowUp.continues("what is that?")).isTrue();
    }

    @Test
    void aLongWhyThoChallengesTheEarlierAnswer() {
        assertThat(FollowUp.continues("why tho? i got a 4090 at home, cant i just train locally forever")).isTrue();
        assertThat(FollowUp.continues("why do deep learning engineers need cloud skills at all")).isFalse();
    }

    @Test
    void aMemberAskingForTheStepAfterSomethingIsDoneWithIt() {
        assertThat(FollowUp.doneWith("and after the math, whats next on the roadmap")).isEqualTo("math");
        assertThat(FollowUp.doneWith("ok then what should i practice on after the course")).isEqualTo("course");
        // These ask about the thing itself, or point at something the member may have just listed.
        assertThat(FollowUp.doneWith("and after deployment, who maintains them?")).isEmpty();
        assertThat(FollowUp.doneWith("ok say i've done python and the math basics, what comes after that")).isEmpty();
    }

    @Test
    void aQuestionNamingItsOwnSubjectStartsAfresh() {
        assertThat(FollowUp.continues("how much does a machine learning engineer make in the us")).isFalse();
    }
}
