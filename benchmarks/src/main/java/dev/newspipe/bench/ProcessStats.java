package dev.newspipe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and peak resident memory of a process, read from Linux /proc. */
record ProcessStats(double cpuSeconds, long peakRssKb) {

    /** USER_HZ, the unit of /proc/<pid>/stat times; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    static ProcessStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ProcessStats(ticks / TICKS_PER_SECOND, peak);
        } catch (IOException e) {
            return new ProcessStats(Double.NaN, -1);
        }
    }

    ProcessStats minus(ProcessStats before) {
        return new ProcessStats(cpuSeconds - before.cpuSeconds, peakRssKb);
    }
}
