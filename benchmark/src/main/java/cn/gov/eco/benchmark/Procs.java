package cn.gov.eco.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** CPU time and resident memory of the system's processes, read from /proc (Linux only). */
final class Procs {

    /** The processes of the embedded default, by the jar on their command line. */
    static final String LAUNCHER_ROLE = "launcher (Kafka + MongoDB)";

    static final List<String[]> ROLES = List.of(
            new String[] {LAUNCHER_ROLE, "launcher-0.1.0-SNAPSHOT-exec.jar"},
            new String[] {"case-service", "case-service-0.1.0-SNAPSHOT-exec.jar"},
            new String[] {"notice-service", "notice-service-0.1.0-SNAPSHOT-exec.jar"},
            new String[] {"credit-service", "credit-service-0.1.0-SNAPSHOT-exec.jar"},
            new String[] {"dashboard-service", "dashboard-service-0.1.0-SNAPSHOT-exec.jar"},
            new String[] {"auth-server", "auth-server-0.1.0-SNAPSHOT-exec.jar"},
            new String[] {"gateway", "gateway-0.1.0-SNAPSHOT-exec.jar"});

    static final long CLK_TCK = Long.getLong("bench.clkTck", 100);

    record Sample(long cpuTicks, long rssKiB) {
    }

    static final class Tracked {
        final String role;
        final long pid;
        Sample before;
        Sample after;
        volatile long peakRssKiB;

        Tracked(String role, long pid) {
            this.role = role;
            this.pid = pid;
        }

        double cpuSeconds() {
            return before == null || after == null ? Double.NaN : (after.cpuTicks - before.cpuTicks) / (double) CLK_TCK;
        }
    }

    private Procs() {
    }

    /** role → pid, for the roles found running; the benchmark's own JVM is added as "benchmark (this JVM)". */
    static Map<String, Long> find() {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String[] role : ROLES) {
            try (var dirs = Files.list(Path.of("/proc"))) {
                dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                    try {
                        String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                        // the java process itself, not a shell that mentions the jar
                        if (cmd.contains(role[1]) && cmd.startsWith("/") && cmd.split("\0")[0].endsWith("java")) {
                            long pid = Long.parseLong(p.getFileName().toString());
                            // a service the launcher started wins over one of another stack (a ./chaos run beside)
                            if (!found.containsKey(role[0]) || childOfLauncher(pid, found.get(LAUNCHER_ROLE))) {
                                found.put(role[0], pid);
                            }
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // process gone or not ours to read
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException("cannot list /proc", e);
            }
        }
        found.put("benchmark (this JVM)", ProcessHandle.current().pid());
        return found;
    }

    private static boolean childOfLauncher(long pid, Long launcher) {
        return launcher != null && ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                .map(parent -> parent.pid() == launcher).orElse(false);
    }

    static Sample sample(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": f[0] = state (field 3); utime = field 14, stime = field 15
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new Sample(ticks, rss);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Samples the peak RSS of the tracked processes every 250 ms while running. */
    static final class PeakSampler implements AutoCloseable {
        private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        PeakSampler(Map<String, Tracked> tracked) {
            this.tracked.putAll(tracked);
            thread = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
                while (running) {
                    for (Tracked t : this.tracked.values()) {
                        Sample s = sample(t.pid);
                        if (s != null && s.rssKiB > t.peakRssKiB) {
                            t.peakRssKiB = s.rssKiB;
                        }
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
    }
}
