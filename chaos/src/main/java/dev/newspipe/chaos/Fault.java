package dev.newspipe.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One fault the suite injects: what and, for the database outage, for how long. */
record Fault(Kind kind, String service, Duration outage) {

    enum Kind {
        /** SIGKILL of a service, then a restart. */
        KILL,
        /** SIGTERM of a service, which must stop cleanly within 30 s, then a restart. */
        TERM,
        /** SIGKILL of the broker, then a restart on the same data directory. */
        BROKER_KILL,
        /** PostgreSQL stopped (fast shutdown) for {@link #outage}, then started. */
        DATABASE_OUTAGE
    }

    static final String INGEST = "ingest-service";
    static final String ENRICH = "enrich-service";
    static final String STORE = "store-service";

    static Fault kill(String service) {
        return new Fault(Kind.KILL, service, Duration.ZERO);
    }

    static Fault term(String service) {
        return new Fault(Kind.TERM, service, Duration.ZERO);
    }

    static Fault brokerKill() {
        return new Fault(Kind.BROKER_KILL, null, Duration.ZERO);
    }

    static Fault databaseOutage(Duration outage) {
        return new Fault(Kind.DATABASE_OUTAGE, null, outage);
    }

    String label() {
        switch (kind) {
            case KILL:
                return "kill -9 " + service;
            case TERM:
                return "SIGTERM " + service;
            case BROKER_KILL:
                return "kill -9 broker";
            default:
                return "PostgreSQL down " + outage.toSeconds() + " s";
        }
    }

    /** The consumer groups whose progress shows the pipeline recovered from this fault. */
    List<String> affectedGroups() {
        switch (kind) {
            case KILL:
            case TERM:
                return List.of(service);
            case BROKER_KILL:
                return List.of(INGEST, ENRICH, STORE);
            default:
                // ingest de-duplicates against the database, store writes to it.
                return List.of(INGEST, STORE);
        }
    }

    /** A fault at an offset from the start of the stream. */
    record Scheduled(Duration at, Fault fault) {
    }

    /**
     * The full suite: each service killed three times and stopped with SIGTERM once, the broker killed
     * once, the database down for {@code outage}; interleaved so that no service meets two faults in a row.
     */
    static List<Fault> fullSuite(Duration outage) {
        return List.of(kill(INGEST), kill(ENRICH), kill(STORE), term(INGEST), brokerKill(), kill(ENRICH), term(STORE),
                kill(INGEST), databaseOutage(outage), kill(STORE), term(ENRICH), kill(INGEST), kill(ENRICH), kill(STORE));
    }

    /** The short suite (for CI): every kind of fault once per service. */
    static List<Fault> shortSuite(Duration outage) {
        return List.of(kill(INGEST), kill(ENRICH), kill(STORE), brokerKill(), term(INGEST), databaseOutage(outage),
                term(ENRICH), term(STORE));
    }

    /**
     * Spreads the faults evenly over the middle of the stream, from 10% to 80% of it, so that traffic runs
     * before the first fault (a baseline) and after the last (the recovery is seen under load).
     */
    static List<Scheduled> spread(List<Fault> faults, Duration stream) {
        List<Scheduled> plan = new ArrayList<>();
        long first = stream.toMillis() / 10;
        long last = stream.toMillis() * 8 / 10;
        for (int i = 0; i < faults.size(); i++) {
            long at = faults.size() == 1 ? first : first + (last - first) * i / (faults.size() - 1);
            plan.add(new Scheduled(Duration.ofMillis(at), faults.get(i)));
        }
        return plan;
    }
}
