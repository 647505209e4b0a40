package dev.newspipe.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void faultsAreSpreadFromATenthToFourFifthsOfTheStream() {
        List<Fault.Scheduled> plan = Fault.spread(Fault.shortSuite(Duration.ofSeconds(20)), Duration.ofSeconds(100));
        assertEquals(8, plan.size());
        assertEquals(Duration.ofSeconds(10), plan.get(0).at());
        assertEquals(Duration.ofSeconds(80), plan.get(7).at());
        for (int i = 1; i < plan.size(); i++) {
            assertEquals(Duration.ofSeconds(10), plan.get(i).at().minus(plan.get(i - 1).at()));
        }
    }

    @Test
    void theFullSuiteKillsEachServiceThriceAndStopsEachOnceWithTheBrokerAndDatabaseOnce() {
        List<Fault> full = Fault.fullSuite(Duration.ofSeconds(60));
        for (String service : List.of(Fault.INGEST, Fault.ENRICH, Fault.STORE)) {
            assertEquals(3, full.stream().filter(f -> f.equals(Fault.kill(service))).count(), service);
            assertEquals(1, full.stream().filter(f -> f.equals(Fault.term(service))).count(), service);
        }
        assertEquals(1, full.stream().filter(f -> f.kind() == Fault.Kind.BROKER_KILL).count());
        assertEquals(List.of(Fault.databaseOutage(Duration.ofSeconds(60))),
                full.stream().filter(f -> f.kind() == Fault.Kind.DATABASE_OUTAGE).toList());
        for (int i = 1; i < full.size(); i++) {
            boolean sameService = full.get(i).service() != null && full.get(i).service().equals(full.get(i - 1).service());
            assertTrue(!sameService, "two faults in a row on " + full.get(i).service());
        }
    }

    @Test
    void theDatabaseOutageIsJudgedByTheStagesThatUseTheDatabase() {
        assertEquals(List.of(Fault.INGEST, Fault.STORE), Fault.databaseOutage(Duration.ofSeconds(1)).affectedGroups());
        assertEquals(List.of(Fault.ENRICH), Fault.kill(Fault.ENRICH).affectedGroups());
        assertEquals("PostgreSQL down 60 s", Fault.databaseOutage(Duration.ofSeconds(60)).label());
    }
}
