package dev.mentorbot.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mentorbot.serve.RateLimiter.Decision;
import dev.mentorbot.state.MemberId;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MemberId ada = new MemberId("discord", "g1", "ada");
    private final MemberId bob = new MemberId("discord", "g1", "bob");

    @Test
    void aMemberGetsTheBurstThenOneNoticeThenSilence() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(3, 1, 100));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit(ada).decision()).isEqualTo(Decision.ALLOW);
        }
        RateLimiter.Verdict first = limiter.admit(ada);
        assertThat(first.decision()).isEqualTo(Decision.SLOW_DOWN);
        assertThat(first.scope()).isEqualTo(RateLimiter.Scope.MEMBER);
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.admit(ada).decision()).isEqualTo(Decision.SILENT);
        }
        // Another member is not affected by Ada's flood.
        assertThat(limiter.admit(bob).decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void theGlobalCapRefusesEveryoneWithoutCostingTheMemberATokens() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(5, 60, 2));
        assertThat(limiter.admit(ada).decision()).isEqualTo(Decision.ALLOW);
        assertThat(limiter.admit(ada).decision()).isEqualTo(Decision.ALLOW);
        RateLimiter.Verdict refused = limiter.admit(bob);
        assertThat(refused.decision()).isEqualTo(Decision.SLOW_DOWN);
        assertThat(refused.scope()).isEqualTo(RateLimiter.Scope.GLOBAL);
    }

    @Test
    void answersToInteractionsDoNotSpendTheGlobalBucketButStillTheMembers() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(2, 60, 1));
        for (int i = 0; i < 100; i++) {
            MemberId asker = new MemberId("slack", "T1", "U" + i);
            assertThat(limiter.admit(asker, false).decision()).as("asker %d", i).isEqualTo(Decision.ALLOW);
        }
        assertThat(limiter.admit(ada, true).decision()).isEqualTo(Decision.ALLOW);
        assertThat(limiter.admit(bob, true).scope()).isEqualTo(RateLimiter.Scope.GLOBAL);
        // The member's own limit holds whatever the delivery.
        assertThat(limiter.admit(ada, false).decision()).isEqualTo(Decision.ALLOW);
        assertThat(limiter.admit(ada, false).scope()).isEqualTo(RateLimiter.Scope.MEMBER);
    }

    @Test
    void theNoticeComesAgainAfterTheMemberWasServedOnceMore() throws InterruptedException {
        // 600 per minute refills one token every 100 ms.
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(1, 600, 100));
        assertThat(limiter.admit(ada).decision()).isEqualTo(Decision.ALLOW);
        assertThat(limiter.admit(ada).decision()).isEqualTo(Decision.SLOW_DOWN);
        Thread.sleep(250);
        assertThat(limiter.admit(ada).decision()).isEqualTo(Decision.ALLOW);
        assertThat(limiter.admit(ada).decision()).isEqualTo(Decision.SLOW_DOWN);
    }

    @Test
    void settingsMustBePositive() {
        assertThatThrownBy(() -> new RateLimitSettings(0, 1, 1)).hasMessageContaining("member burst");
        assertThatThrownBy(() -> new RateLimitSettings(1, 1, -3)).hasMessageContaining("global");
    }
}
