package dev.mentorbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatTextTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "<@123456789> how much do ML engineers make? | how much do ML engineers make?",
            "<@!42> <@&77> pay in <#99> channel | pay in channel",
            "<@U012ABC> <!here> what skills?        | what skills?",
            "@everyone DL engineer salary @here     | DL engineer salary",
            "mail me at ada@everyone.example        | mail me at ada@everyone.example",
            "hey bot, thanks! do I need a PhD? 🙏    | do I need a PhD?",
            "Hi there! What is Kaggle? Thanks in advance | What is Kaggle?",
            "good morning :wave: salary in india pls | salary in india",
            "you should hire me                     | you should hire me",
            "hiring trends for DL                   | hiring trends for DL",
            "is the salary of a property manager    | is the salary of a property manager",
            "see https://example.com/x?y=1 for pay  | see for pay",
            "<:party:1234> 🎉🎉                       | ''",
            "'   '                                  | ''",
    })
    void removesChatNoiseAndKeepsTheQuestion(String raw, String expected) {
        assertThat(ChatText.clean(raw)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nullControlCharactersAndHugeTextAreSafe() {
        assertThat(ChatText.clean(null)).isEmpty();
        assertThat(ChatText.clean("pay\u0000\u0007 in\u202Eindia")).isEqualTo("pay in india");
        String huge = "salary ".repeat(20_000);
        assertThat(ChatText.clean(huge)).hasSizeLessThanOrEqualTo(ChatText.MAX_CHARS).startsWith("salary salary");
    }
}
