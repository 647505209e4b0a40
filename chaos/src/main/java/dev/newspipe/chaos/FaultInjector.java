package dev.newspipe.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Injects the planned faults one after another on a thread of its own, each at its time or, when the one
 * before has not recovered by then, once it has: so that each recovery time is that fault's alone. A fault
 * has recovered when every affected stage has committed progress again (or has nothing left to do).
 */
final class FaultInjector {

    static final Duration RECOVERY_LIMIT = Duration.ofMinutes(5);
    /** The broker stays down until every service has reported itself not ready, at most this long. */
    static final Duration BROKER_DOWN_LIMIT = Duration.ofSeconds(30);

    /** What happened to one fault. Times in ms since the stream started; {@code recoveredAt} -1 until it recovered. */
    static final class Injected {
        final Fault fault;
        final long injectedAt;
        volatile long recoveredAt = -1;
        volatile String problem;

        Injected(Fault fault, long injectedAt) {
            this.fault = fault;
            this.injectedAt = injectedAt;
        }

        Duration recovery() {
            return recoveredAt < 0 ? null : Duration.ofMillis(recoveredAt - injectedAt);
        }
    }

    private final LiveStack stack;
    private final ConsumerProgress progress;
    private final Ledger clock;
    private final List<Injected> injected = new ArrayList<>();
    private Thread thread;
    private volatile boolean done;

    FaultInjector(LiveStack stack, ConsumerProgress progress, Ledger clock) {
        this.stack = stack;
        this.progress = progress;
        this.clock = clock;
    }

    void start(List<Fault.Scheduled> plan) {
        thread = new Thread(() -> run(plan), "chaos-faults");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether every fault was injected and has recovered (or hit the recovery limit). */
    boolean done() {
        return done;
    }

    /** Waits until every fault was injected and has recovered (or hit the recovery limit). */
    List<Injected> await() throws InterruptedException {
        thread.join();
        synchronized (injected) {
            return List.copyOf(injected);
        }
    }

    private void run(List<Fault.Scheduled> plan) {
        try {
            runPlan(plan);
        } finally {
            done = true;
        }
    }

    private void runPlan(List<Fault.Scheduled> plan) {
        for (Fault.Scheduled scheduled : plan) {
            long wait = scheduled.at().toMillis() - clock.now();
            try {
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                Injected record = new Injected(scheduled.fault(), clock.now());
                synchronized (injected) {
                    injected.add(record);
                }
                System.out.printf("%7.1f s  %s%n", record.injectedAt / 1000.0, scheduled.fault().label());
                try {
                    inject(record);
                } catch (Exception e) {
                    record.problem = "injecting failed: " + e.getMessage();
                    continue;
                }
                Thread watcher = watchRecovery(record);
                watcher.join();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void inject(Injected record) throws Exception {
        Fault fault = record.fault;
        switch (fault.kind()) {
            case KILL:
                stack.kill(fault.service());
                stack.restart(fault.service());
                break;
            case TERM:
                record.problem = stack.terminate(fault.service());
                stack.restart(fault.service());
                break;
            case BROKER_KILL:
                stack.broker.kill();
                // Readiness must turn false while Kafka is away (and back by itself, which the run's end checks).
                record.problem = awaitNotReady(LiveStack.SERVICES, "the broker", BROKER_DOWN_LIMIT);
                stack.broker.start(Duration.ofMinutes(2));
                break;
            default:
                long restartAt = System.nanoTime() + fault.outage().toNanos();
                stack.database.stop();
                record.problem = awaitNotReady(List.of(Fault.INGEST, Fault.STORE), "PostgreSQL", fault.outage());
                Thread.sleep(Math.max(0, (restartAt - System.nanoTime()) / 1_000_000));
                stack.database.start();
                break;
        }
    }

    /**
     * Polls the services' readiness until each has answered "not ready" once; null when all did within
     * {@code limit}, otherwise which stayed ready while {@code dependency} was down.
     */
    private String awaitNotReady(List<String> services, String dependency, Duration limit) throws InterruptedException {
        Set<String> stillReady = new LinkedHashSet<>(services);
        long deadline = System.nanoTime() + limit.toNanos();
        while (!stillReady.isEmpty() && System.nanoTime() < deadline) {
            stillReady.removeIf(name -> ChaosRun.health(stack.service(name).url("/q/health/ready")) != null);
            Thread.sleep(250);
        }
        return stillReady.isEmpty() ? null
                : String.join(", ", stillReady) + " stayed ready while " + dependency + " was down (" + limit.toSeconds() + " s)";
    }

    private Thread watchRecovery(Injected record) {
        Thread watcher = new Thread(() -> {
            long deadline = clock.now() + RECOVERY_LIMIT.toMillis();
            Map<String, Long> before = new HashMap<>();
            try {
                while (clock.now() < deadline) {
                    // The positions once the fault is over (the broker may take a moment to answer again).
                    for (String group : record.fault.affectedGroups()) {
                        if (!before.containsKey(group)) {
                            ConsumerProgress.Position p = progress.position(group);
                            if (p.known()) {
                                before.put(group, p.committed());
                            }
                        }
                    }
                    if (before.size() == record.fault.affectedGroups().size() && recovered(before)) {
                        record.recoveredAt = clock.now();
                        return;
                    }
                    Thread.sleep(250);
                }
                String late = "no progress within " + RECOVERY_LIMIT.toMinutes() + " min" + stallReport(record.fault);
                record.problem = record.problem == null ? late : record.problem + "; " + late;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "chaos-recovery");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /**
     * What a stall looked like, so that one in CI can be diagnosed from the report alone: per stalled group
     * the broker's view of it, its service's health, its last warnings and group events, and the group
     * coordinator's last words about it.
     */
    private String stallReport(Fault fault) {
        StringBuilder out = new StringBuilder();
        for (String group : fault.affectedGroups()) {
            out.append("\n      ").append(progress.describe(group));
            String health = ChaosRun.health(stack.service(group).url("/q/health"));
            out.append("\n        health: ").append(health == null ? "UP" : health);
            List<Path> logs = stack.logs(group);   // a group is named after its service
            if (!logs.isEmpty()) {
                // The services log JSON lines (prod profile); plain text when that is turned off.
                append(out, lastLines(logs.get(logs.size() - 1), 12, l -> (l.contains(" WARN ") || l.contains(" ERROR ")
                        || l.contains("\"level\":\"WARN\"") || l.contains("\"level\":\"ERROR\"")
                        || l.contains("Coordinator]") || l.contains("Coordinator\"")) && !l.contains("PoisonRecordHandler")));
            }
            Path brokerLog = stack.broker.log;
            if (brokerLog != null) {
                append(out, lastLines(brokerLog, 8, l -> l.contains(group)));
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, List<String> lines) {
        for (String line : lines) {
            out.append("\n        ").append(line);
        }
    }

    private static List<String> lastLines(Path log, int limit, Predicate<String> wanted) {
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(wanted)
                    .map(l -> l.length() > 400 ? l.substring(0, 400) + "…" : l).toList();
            return lines.subList(Math.max(0, lines.size() - limit), lines.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(" + log + " unreadable: " + e.getMessage() + ")");
        }
    }

    private boolean recovered(Map<String, Long> before) {
        for (var entry : before.entrySet()) {
            ConsumerProgress.Position now = progress.position(entry.getKey());
            if (!now.known() || (now.committed() <= entry.getValue() && now.lag() > 0)) {
                return false;
            }
        }
        return true;
    }
}
