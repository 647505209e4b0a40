package dev.newspipe.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Injects the planned faults one after another on a thread of its own, each at its time or, when the one
 * before has not recovered by then, once it has: so that each recovery time is that fault's alone. A fault
 * has recovered when every affected stage has committed progress again (or has nothing left to do).
 */
final class FaultInjector {

    static final Duration RECOVERY_LIMIT = Duration.ofMinutes(5);

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
                Thread.sleep(2_000);
                stack.broker.start(Duration.ofMinutes(2));
                break;
            default:
                stack.database.stop();
                Thread.sleep(fault.outage().toMillis());
                stack.database.start();
                break;
        }
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

    /** The group states and the stalled services' last warnings, so that a stall in CI can be diagnosed from its report. */
    private String stallReport(Fault fault) {
        StringBuilder out = new StringBuilder();
        for (String group : fault.affectedGroups()) {
            out.append("\n      ").append(progress.describe(group));
            List<java.nio.file.Path> logs = stack.logs(group);   // a group is named after its service
            if (!logs.isEmpty()) {
                for (String line : lastWarnings(logs.get(logs.size() - 1), 8)) {
                    out.append("\n        ").append(line);
                }
            }
        }
        return out.toString();
    }

    private static List<String> lastWarnings(java.nio.file.Path log, int limit) {
        try {
            List<String> warnings = java.nio.file.Files.readAllLines(log).stream()
                    .filter(l -> (l.contains(" WARN ") || l.contains(" ERROR ")) && !l.contains("PoisonRecordHandler"))
                    .map(l -> l.length() > 400 ? l.substring(0, 400) + "…" : l).toList();
            return warnings.subList(Math.max(0, warnings.size() - limit), warnings.size());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
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
