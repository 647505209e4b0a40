package dev.newspipe.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The short fault-injection suite, part of every build so that a regression in crash safety cannot land:
 * every kind of fault once against the live stack, then the same checks as deploy/local/chaos.
 */
class ChaosSuiteIT {

    @Test
    void noAcknowledgedArticleIsLostOrStoredTwiceUnderFaults() throws Exception {
        Path root = Path.of(System.getProperty("newspipe.root", "..")).toAbsolutePath().normalize();
        ChaosRun.Report report = ChaosRun.run(ChaosRun.Settings.brief(), root, root.resolveSibling("shared"),
                Path.of("target/chaos-short").toAbsolutePath());
        System.out.print(report.text());
        assertTrue(report.passed(), report.text());
    }
}
