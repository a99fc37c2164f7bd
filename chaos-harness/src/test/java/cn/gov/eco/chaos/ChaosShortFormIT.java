package cn.gov.eco.chaos;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos harness's short form in every build (RELIABILITY.md: a short form for every build, the long form on
 * demand with {@code ./chaos --decisions 10000}): 1,000 decisions across 100 enterprises while each service is
 * stopped three times (SIGKILL; case-service also SIGTERM), poison on every consumed topic, then a replay from the
 * earliest offsets. Passes when R1–R6 hold as comparisons of id sets; the figures are printed, never asserted.
 */
class ChaosShortFormIT {

    @Test
    void killedRestartedPoisonedAndReplayedTheLifecycleLosesNothingAndDuplicatesNothing(@TempDir Path data)
            throws Exception {
        ChaosRun run = ChaosRun.parse("--decisions", System.getProperty("chaos.decisions", "1000"),
                "--enterprises", "100", "--rate", System.getProperty("chaos.rate", "25"), "--kills", "3",
                "--timeout-minutes", System.getProperty("chaos.timeoutMinutes", "25"), "--out", "chaos-harness/target/chaos-short-form.json");
        run.dataDir = data;
        ChaosRun.Result result = run.run();
        System.out.println(result.table());

        assertThat(result.violations()).isEmpty();
        assertThat(result.figures()).containsKeys("storedCases", "publishedDistinctEvents", "collectionsHashed",
                "poisonDeadLettered");
        assertThat((Integer) result.figures().get("storedCases")).isEqualTo(1000 * Integer.parseInt(
                System.getProperty("chaos.decisions", "1000")) / 1000);
        assertThat((Long) result.figures().get("poisonDeadLettered")).isEqualTo((long) Poison.KINDS.size() * Poison.CONSUMED.size());
    }
}
