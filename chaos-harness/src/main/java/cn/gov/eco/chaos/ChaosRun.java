package cn.gov.eco.chaos;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import cn.gov.eco.benchmark.Workload;
import cn.gov.eco.launcher.EmbeddedDefault;

/**
 * The chaos harness (RELIABILITY.md R1–R6): runs the lifecycle on the embedded default ({@link ChaosStack}) while
 * services are killed, then compares sets of ids.
 *
 * <ol>
 *   <li>Drives N decisions across M enterprises at an offered rate ({@link DecisionDriver}, retrying through
 *       faults).</li>
 *   <li>At 10% progress (publicity records stored), poison records on every consumed topic (R5).</li>
 *   <li>Each service is stopped and started again {@code --kills} times at random moments: notice-service and
 *       credit-service with SIGKILL every time from 20% processed (R2, R6 — notice-service dies at whatever step of
 *       a delivery it is in), case-service alternately with SIGKILL and SIGTERM from 20% accepted, while
 *       decisions are being posted, between its writes and its publishes (R1). One thread per service, so the
 *       faults overlap.</li>
 *   <li>Waits until every stored case is fully processed, no outbox is pending and every group's lag is 0.</li>
 *   <li>Checks R1, R2/R6, R4 and R5 on the stored documents and the topics' full contents.</li>
 *   <li>R3: stops the consumers cleanly (SIGTERM), moves their groups back to the earliest offset, starts them,
 *       waits for lag 0 and compares every collection's content hash and the set of published event ids.</li>
 * </ol>
 *
 * <pre>./chaos [--decisions N] [--enterprises M] [--rate R] [--concurrency C] [--kills K] [--seed S]
 *         [--timeout-minutes T] [--data-dir DIR] [--out FILE]</pre>
 * Bounded: every wait has a deadline; all traffic is on loopback; the services run on free ports.
 */
public final class ChaosRun {

    int decisions = 1000;
    int enterprises = 100;
    double rate = 25;
    int concurrency = 16;
    int kills = 3;
    long seed = System.nanoTime();
    int timeoutMinutes = 20;
    /** How long a restarted service may take to be ready again (minutes of a loaded 2-core machine). */
    int restartMinutes = 5;
    Path dataDir;
    Path out = Path.of("chaos-results/latest.json");
    Path repo;
    boolean replay = true;
    /** R8 instead of the lifecycle: a three-broker cluster whose partition leader is killed {@code kills} times. */
    boolean brokers = false;

    /** What a run found. */
    public record Result(boolean passed, List<String> violations, Map<String, Object> figures, String table) {
    }

    public static void main(String[] args) {
        int code = 2;
        try {
            ChaosRun run = parse(args);
            Result r = run.run();
            System.out.println(r.table());
            code = r.passed() ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(code); // the broker's and the HTTP client's threads must not keep a failed run alive
        }
    }

    static ChaosRun parse(String... args) {
        ChaosRun r = new ChaosRun();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--decisions" -> r.decisions = Integer.parseInt(args[++i]);
                case "--enterprises" -> r.enterprises = Integer.parseInt(args[++i]);
                case "--rate" -> r.rate = Double.parseDouble(args[++i]);
                case "--concurrency" -> r.concurrency = Integer.parseInt(args[++i]);
                case "--kills" -> r.kills = Integer.parseInt(args[++i]);
                case "--seed" -> r.seed = Long.parseLong(args[++i]);
                case "--timeout-minutes" -> r.timeoutMinutes = Integer.parseInt(args[++i]);
                case "--restart-minutes" -> r.restartMinutes = Integer.parseInt(args[++i]);
                case "--data-dir" -> r.dataDir = Path.of(args[++i]);
                case "--out" -> r.out = Path.of(args[++i]);
                case "--no-replay" -> r.replay = false;
                case "--brokers" -> {
                    r.brokers = true;
                    r.kills = 5;
                }
                case "--no-build" -> {
                    // the ./chaos script's option
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        return r;
    }

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final long t0 = System.nanoTime();

    void say(String format, Object... args) {
        String line = String.format("[chaos %6.1f s] ", (System.nanoTime() - t0) / 1e9) + String.format(format, args);
        log.add(line);
        System.out.println(line);
    }

    public Result run() throws Exception {
        if (repo == null) {
            repo = EmbeddedDefault.findRepo(Path.of("").toAbsolutePath());
        }
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("chaos-");
        }
        String runId = Long.toString(System.currentTimeMillis(), 36);
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (brokers) {
            say("run %s: R8, three brokers, the partition leader killed %d times, data %s", runId, kills, dataDir);
            Map<String, Object> figures = new LinkedHashMap<>();
            List<String> violations = new BrokerFaults(dataDir, kills, this).run(figures);
            boolean passed = violations.isEmpty();
            write(runId, startedAt, passed, violations, figures);
            return new Result(passed, violations, figures, table(runId, startedAt, passed, violations, figures)
                    .replace("R1 R2 R3 R4 R5 R6 hold", "R8 holds"));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(timeoutMinutes);
        Random random = new Random(seed);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        List<String> faults = new CopyOnWriteArrayList<>();
        Invariants inv = new Invariants();
        say("run %s: %d decisions, %d enterprises, %.0f/s offered, %d kills per service, seed %d, data %s", runId,
                decisions, enterprises, rate, kills, seed, dataDir);

        ExecutorService pool = Executors.newCachedThreadPool();
        try (ChaosStack stack = new ChaosStack(repo, dataDir);
             MongoClient mongo = startAndConnect(stack)) {
            Progress progress = new Progress(mongo);
            Workload workload = new Workload(repo, enterprises, runId);
            try (var http = java.net.http.HttpClient.newHttpClient()) {
                workload.registerConsents(http, URI.create(stack.baseUrl("notice-service")), stack::officerToken,
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
            }
            DecisionDriver driver = new DecisionDriver(workload,
                    URI.create(stack.baseUrl("case-service") + "/api/cases/decisions"), stack::officerToken,
                    Math.abs(seed % 1_000_000) * 1000 + 1);

            // ---- load, with poison and kills ----
            long loadStart = System.nanoTime();
            Future<?> load = pool.submit(() -> {
                driver.drive(decisions, rate, concurrency, Duration.ofNanos(deadline - System.nanoTime()));
                return null;
            });
            Future<List<Poison.Sent>> poison = pool.submit(() -> {
                progress.await(decisions / 10, deadline);
                List<Poison.Sent> sent = Poison.send(stack.bootstrapServers(), runId);
                say("poison: %d records on %s", sent.size(), Poison.CONSUMED.keySet());
                return sent;
            });
            List<Future<?>> killers = new ArrayList<>();
            for (String service : ChaosStack.SERVICES) {
                long serviceSeed = random.nextLong();
                killers.add(pool.submit(() -> {
                    Random r = new Random(serviceSeed);
                    if (service.equals("case-service")) {
                        // R1: killed while it is writing, i.e. while decisions are still being posted
                        while (driver.acknowledged.size() < decisions / 5 && System.nanoTime() < deadline) {
                            Thread.sleep(100);
                        }
                    } else {
                        progress.await(decisions / 5, deadline);
                    }
                    for (int k = 0; k < kills && System.nanoTime() < deadline; k++) {
                        Thread.sleep(service.equals("case-service") ? 200 + r.nextInt(1500) : 500 + r.nextInt(4000));
                        boolean hard = !service.equals("case-service") || k % 2 == 0;
                        long done = service.equals("case-service") ? driver.acknowledged.size() : progress.count();
                        long t = System.nanoTime();
                        int code = stack.restart(service, hard, Duration.ofMinutes(restartMinutes));
                        String f = String.format("%s %s at %d/%d %s (exit %d), ready again in %.1f s",
                                hard ? "SIGKILL" : "SIGTERM", service, done, decisions,
                                service.equals("case-service") ? "accepted" : "processed", code,
                                (System.nanoTime() - t) / 1e9);
                        faults.add(f);
                        say("fault: %s", f);
                    }
                    return null;
                }));
            }
            load.get();
            double offered = decisions / ((System.nanoTime() - loadStart) / 1e9);
            say("all %d decisions answered (%.1f/s achieved); %d attempts failed and were repeated", decisions,
                    offered, driver.failedAttempts.get());
            for (Future<?> k : killers) {
                try {
                    k.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // a service that did not come back is a finding, and the checks still run on what is there
                    violations.add("fault injection: " + e.getCause());
                    say("fault injection failed: %s", e.getCause());
                }
            }
            List<Poison.Sent> poisonSent = poison.get();

            // ---- quiescence ----
            Quiet quiet = awaitQuiet(stack, mongo, deadline);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            say("quiet after %.1f s: %s", loadSeconds, quiet);
            if (!quiet.quiet()) {
                violations.add("not quiet within the time limit: " + quiet);
            }

            // ---- R1, R2, R4, R5, R6 ----
            StoreSnapshot before = StoreSnapshot.take(mongo, ChaosStack.SERVICES);
            List<TopicLog.Seen> topicsBefore = withoutPoison(TopicLog.read(stack.bootstrapServers(),
                    Invariants.PIPELINE_TOPICS));
            violations.addAll(inv.outboxAtomicity(before, topicsBefore));
            violations.addAll(inv.noLossNoDuplicate(before, topicsBefore, driver.acknowledged, driver.takenAfterRetry));
            violations.addAll(inv.orderPerKey(topicsBefore));
            violations.addAll(Poison.check(stack.bootstrapServers(), poisonSent, inv.figures));
            quiet.lags().forEach((g, lag) -> {
                if (lag != 0) {
                    violations.add("R5: consumer group " + g + " has lag " + lag + " at the end");
                }
            });
            if (!driver.rejected.isEmpty()) {
                violations.add("driver: " + driver.rejected.size() + " decision(s) rejected, e.g. "
                        + driver.rejected.entrySet().stream().limit(3).toList());
            }

            // ---- R3 ----
            if (replay && System.nanoTime() < deadline) {
                List<String> consumers = List.of("notice-service", "credit-service");
                for (String s : consumers) {
                    stack.stop(s, false);
                }
                for (String s : consumers) {
                    Poison.resetToEarliest(stack.bootstrapServers(), s);
                }
                say("replay: %s stopped with SIGTERM and reset to the earliest offsets", consumers);
                faults.add("SIGTERM notice-service and credit-service, groups reset to earliest, started again");
                for (String s : consumers) {
                    stack.startAgain(s, Duration.ofMinutes(restartMinutes));
                }
                Quiet replayed = awaitQuiet(stack, mongo, deadline);
                say("replay done: %s", replayed);
                StoreSnapshot after = StoreSnapshot.take(mongo, ChaosStack.SERVICES);
                List<TopicLog.Seen> topicsAfter = withoutPoison(TopicLog.read(stack.bootstrapServers(),
                        Invariants.PIPELINE_TOPICS));
                violations.addAll(inv.replayHarmless(before, after, topicsBefore, topicsAfter));
            }
            figures.put("offeredPerSecondAchieved", offered);
            figures.put("secondsToQuiet", loadSeconds);
        } finally {
            pool.shutdownNow();
        }
        figures.putAll(inv.figures);
        figures.put("faults", faults);
        boolean passed = violations.isEmpty();
        String table = table(runId, startedAt, passed, violations, figures);
        write(runId, startedAt, passed, violations, figures);
        return new Result(passed, violations, figures, table);
    }

    /** The pipeline's own records: the poison the harness produced itself is checked by R5, not by R1–R4. */
    static List<TopicLog.Seen> withoutPoison(List<TopicLog.Seen> seen) {
        return seen.stream().filter(x -> !Poison.SOURCE.equals(x.ceSource())
                && (x.key() == null || !x.key().startsWith(Poison.KEY_PREFIX))).toList();
    }

    private MongoClient startAndConnect(ChaosStack stack) throws Exception {
        say("starting Kafka, MongoDB and %s", ChaosStack.SERVICES);
        stack.start(null, Duration.ofMinutes(5));
        say("stack ready: Kafka %s, MongoDB %s, case-service %s", stack.bootstrapServers(), stack.mongoUri(),
                stack.baseUrl("case-service"));
        return MongoClients.create(stack.mongoUri());
    }

    /** Whether the pipeline has settled: every stored case processed, no outbox pending, every lag 0. */
    record Quiet(boolean quiet, long cases, long processed, long pendingOutboxes, Map<String, Long> lags) {
    }

    private Quiet awaitQuiet(ChaosStack stack, MongoClient mongo, long deadline) throws Exception {
        Quiet q = null;
        int stableRounds = 0;
        while (System.nanoTime() < deadline) {
            long cases = mongo.getDatabase("case-service").getCollection("cases").estimatedDocumentCount();
            long processed = mongo.getDatabase("credit-service").getCollection("publicity_records").estimatedDocumentCount();
            long pending = StoreSnapshot.pendingOutboxes(mongo, ChaosStack.SERVICES);
            Map<String, Long> lags = Poison.lags(stack.bootstrapServers());
            boolean quiet = processed >= cases && pending == 0 && lags.values().stream().allMatch(l -> l == 0);
            q = new Quiet(quiet, cases, processed, pending, lags);
            stableRounds = quiet ? stableRounds + 1 : 0;
            if (stableRounds >= 2) {
                return q;
            }
            Thread.sleep(1000);
        }
        return q == null ? new Quiet(false, -1, -1, -1, Map.of()) : new Quiet(false, q.cases(), q.processed(),
                q.pendingOutboxes(), q.lags());
    }

    /** Publicity records stored so far: how far the pipeline has come. */
    private static final class Progress {
        private final MongoClient mongo;

        Progress(MongoClient mongo) {
            this.mongo = mongo;
        }

        long count() {
            try {
                return mongo.getDatabase("credit-service").getCollection("publicity_records").estimatedDocumentCount();
            } catch (RuntimeException e) {
                return -1;
            }
        }

        void await(long n, long deadline) throws InterruptedException {
            while (count() < n && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
        }
    }

    private String table(String runId, OffsetDateTime startedAt, boolean passed, List<String> violations,
                         Map<String, Object> figures) {
        StringBuilder t = new StringBuilder();
        t.append(String.format("%n== chaos run %s (%s): %s ==%n", runId, startedAt, passed ? "PASSED" : "FAILED"));
        t.append(brokers ? String.format("three brokers, the partition leader killed %d times%n", kills)
                : String.format("%d decisions, %d enterprises, %.0f/s offered, %d kills per service, seed %d%n",
                decisions, enterprises, rate, kills, seed));
        figures.forEach((k, v) -> {
            if (v instanceof List<?> l) {
                t.append(String.format("  %s:%n", k));
                l.forEach(x -> t.append("    ").append(x).append('\n'));
            } else if (!(v instanceof Map<?, ?>)) {
                t.append(String.format("  %-32s %s%n", k, v instanceof Double d ? String.format("%.1f", d) : v));
            }
        });
        if (violations.isEmpty()) {
            t.append("no violation: R1 R2 R3 R4 R5 R6 hold\n");
        }
        violations.forEach(v -> t.append("VIOLATION ").append(v).append('\n'));
        return t.toString();
    }

    private void write(String runId, OffsetDateTime startedAt, boolean passed, List<String> violations,
                       Map<String, Object> figures) throws Exception {
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"runId\": ").append(json(runId)).append(",\n");
        j.append("  \"startedAt\": ").append(json(startedAt.toString())).append(",\n");
        j.append("  \"settings\": {\"decisions\": ").append(decisions).append(", \"enterprises\": ").append(enterprises)
                .append(", \"rate\": ").append(rate).append(", \"concurrency\": ").append(concurrency)
                .append(", \"killsPerService\": ").append(kills).append(", \"seed\": ").append(seed).append("},\n");
        j.append("  \"passed\": ").append(passed).append(",\n");
        j.append("  \"violations\": ").append(json(violations)).append(",\n");
        j.append("  \"figures\": ").append(json(figures)).append(",\n");
        j.append("  \"log\": ").append(json(log)).append("\n}\n");
        Path target = out.isAbsolute() ? out : repo.resolve(out);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, j.toString());
        say("results: %s", target);
    }

    static String json(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Number || o instanceof Boolean) {
            return o instanceof Double d && (d.isNaN() || d.isInfinite()) ? "null" : o.toString();
        }
        if (o instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(json(String.valueOf(k)) + ": " + json(v)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (o instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(json(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        return cn.gov.eco.benchmark.Json.str(o.toString());
    }
}
