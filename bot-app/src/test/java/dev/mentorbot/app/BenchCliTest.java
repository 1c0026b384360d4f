package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code bench}: one short run, checking the shape and sanity of the JSON report. */
class BenchCliTest {

    @Test
    void shortJsonBenchReportsStartUpLatencyAndMemoryForBothModesAndFollowUps() {
        Cli.Result r = Cli.run("bench", "--seconds", "0.2", "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode o = r.json();
        assertThat(o.get("startToFirstAnswerMs").asLong()).isPositive();
        assertThat(o.get("passages").asInt()).isPositive();
        assertThat(o.get("vectors").asInt()).as("hybrid mode embeds the passages").isPositive();
        for (String mode : new String[] {"hybrid", "hybrid follow-up", "lexical-only"}) {
            for (String threads : new String[] {"1-thread", "2-thread"}) {
                JsonNode n = o.path(mode).path(threads);
                assertThat(n.isObject()).as(mode + " " + threads + " in " + o).isTrue();
                assertThat(n.get("answers").asLong()).as(mode + " " + threads).isPositive();
                double p50 = n.get("p50Ms").asDouble();
                double p99 = n.get("p99Ms").asDouble();
                assertThat(p50).as(mode + " " + threads + " p50").isPositive();
                assertThat(p99).as(mode + " " + threads + " p99 >= p50").isGreaterThanOrEqualTo(p50);
                assertThat(n.get("maxMs").asDouble()).isGreaterThanOrEqualTo(p99);
            }
        }
        assertThat(o.get("rssMb").asLong()).as("RSS from /proc (Linux)").isPositive();
        assertThat(o.get("heapUsedMb").asLong()).isPositive();
        r.assertNoStackTrace();
    }
}
