package cn.gov.eco.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import cn.gov.eco.contracts.Topics;

/**
 * The lifecycle benchmark (not a test). Drives N penalty decisions across M enterprises through the running
 * embedded default by HTTP, at a fixed offered rate or as fast as a bounded number of requests in flight allows,
 * watches the three topics with a plain consumer, then measures the component baseline in the same run.
 *
 * <pre>./bench [--decisions N] [--enterprises M] [--rate R|0] [--concurrency C] [--timeout S] [--out FILE]
 *        [--skip-baseline]</pre>
 */
public final class Bench {

    static final String DUAL_DELIVERY_COMPLETED = "cn.gov.eco.notice.DualDeliveryCompleted.v1";
    static final String PUBLICITY_OPENED = "cn.gov.eco.credit.PublicityOpened.v1";

    int decisions = 5000;
    int enterprises = 500;
    double rate = 100;
    int concurrency = 0; // 0 = 256 at a fixed rate, 16 at saturation
    int timeoutSeconds = 900;
    String out = "bench-results/latest.json";
    /** Through the gateway, as an officer's client would call it. */
    String caseUrl = "http://localhost:8080/api/cases/decisions";
    /** The embedded authorization server's token endpoint; the officer's token comes from its password grant. */
    String tokenUrl = "http://localhost:9000/oauth2/token";
    String user = "officer-lin";
    String password = "demo";
    volatile String accessToken;
    String bootstrap = "localhost:9092";
    String mongoUri = "mongodb://localhost:27017";
    boolean baseline = true;
    int renderThreads = 2;
    int warmup = 100;

    /** What happened to one decision; times are System.nanoTime(). */
    static final class Decision {
        final int index;
        final String documentNumber;
        volatile long sent;
        volatile long accepted;
        volatile int status;
        volatile String caseId;

        Decision(int index, String documentNumber) {
            this.index = index;
            this.documentNumber = documentNumber;
        }
    }

    public static void main(String[] args) throws Exception {
        Bench b = new Bench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--decisions" -> b.decisions = Integer.parseInt(args[++i]);
                case "--enterprises" -> b.enterprises = Integer.parseInt(args[++i]);
                case "--rate" -> b.rate = Double.parseDouble(args[++i]);
                case "--concurrency" -> b.concurrency = Integer.parseInt(args[++i]);
                case "--timeout" -> b.timeoutSeconds = Integer.parseInt(args[++i]);
                case "--out" -> b.out = args[++i];
                case "--skip-baseline" -> b.baseline = false;
                case "--warmup" -> b.warmup = Integer.parseInt(args[++i]);
                case "--render-threads" -> b.renderThreads = Integer.parseInt(args[++i]);
                case "--case-url" -> b.caseUrl = args[++i];
                case "--token-url" -> b.tokenUrl = args[++i];
                case "--user" -> b.user = args[++i];
                case "--password" -> b.password = args[++i];
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (b.concurrency == 0) {
            b.concurrency = b.rate > 0 ? 256 : 16;
        }
        System.exit(b.run());
    }

    int run() throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, String> machine = machine();
        Map<String, Long> pids = Procs.find();
        System.out.printf("lifecycle benchmark %s: %d decisions, %d enterprises, rate %s, concurrency %d%n", runId,
                decisions, enterprises, rate > 0 ? rate + "/s" : "saturation", concurrency);
        System.out.println("processes: " + pids);
        if (pids.size() < Procs.ROLES.size() + 1) {
            System.err.println("not every process of the embedded default was found; is ./start running?");
        }

        // ---- pipeline ----
        Map<String, Procs.Tracked> tracked = new LinkedHashMap<>();
        pids.forEach((role, pid) -> tracked.put(role, new Procs.Tracked(role, pid)));
        Map<String, Long> completed = new ConcurrentHashMap<>();
        Map<String, Long> opened = new ConcurrentHashMap<>();
        Map<String, Long> otherEvents = new ConcurrentHashMap<>();
        Watcher watcher = new Watcher(completed, opened, otherEvents);
        watcher.ready.await(60, TimeUnit.SECONDS);

        long seqBase = sequenceBase(decisions + warmup) + warmup;
        Workload workload = new Workload(Path.of("").toAbsolutePath(), enterprises, runId);
        List<Decision> all = new ArrayList<>();
        for (int i = 0; i < decisions; i++) {
            all.add(new Decision(i, Workload.documentNumber(seqBase + i)));
        }

        long pipelineStart;
        long lastSent;
        PipelineCounts countsBefore;
        List<String> errors = new ArrayList<>();
        try (Procs.PeakSampler sampler = new Procs.PeakSampler(tracked);
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .connectTimeout(Duration.ofSeconds(5)).build()) {
            System.out.printf("registering %d enterprises' consents to electronic service ...%n", enterprises);
            workload.registerConsents(http, URI.create(caseUrl).resolve("/"), () -> token(http),
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
            warmUp(http, workload, seqBase - warmup, opened);
            tracked.values().forEach(t -> t.before = Procs.sample(t.pid));
            countsBefore = PipelineCounts.read(mongoUri, bootstrap);
            long[] times = drive(all, rate, http, workload, errors);
            pipelineStart = times[0];
            lastSent = times[1];
            long offeredSeconds = lastSent - pipelineStart;
            System.out.printf("sent %d decisions in %.1f s (%.1f/s offered); waiting up to %d s for PublicityOpened%n",
                    decisions, offeredSeconds / 1e9, decisions / (offeredSeconds / 1e9), timeoutSeconds);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long accepted = all.stream().filter(d -> d.caseId != null).count();
            while (System.nanoTime() < deadline) {
                long done = all.stream().filter(d -> d.caseId != null && opened.containsKey(d.caseId)).count();
                if (done >= accepted) {
                    break;
                }
                Thread.sleep(200);
            }
            Thread.sleep(300); // the last samples
        }
        Thread.sleep(2000); // the writes and records that follow PublicityOpened (levels, status, relay marks)
        PipelineCounts.PerDecision perDecision = PipelineCounts.read(mongoUri, bootstrap).since(countsBefore,
                decisions);
        System.out.printf("per decision: %.1f documents inserted, %.1f updated, %.1f records published%n",
                perDecision.inserts(), perDecision.updates(), perDecision.records());
        tracked.values().forEach(t -> t.after = Procs.sample(t.pid));
        watcher.close();
        // the dashboard keeps up when it has read every record of the public topics soon after the pipeline ends
        DashboardLag.CatchUp dashboard = DashboardLag.measure(bootstrap, Duration.ofSeconds(60));
        Files.writeString(Path.of(System.getProperty("bench.seqFile", "bench-results/.next-sequence")),
                Long.toString(seqBase + decisions));

        // ---- pipeline figures ----
        List<Double> toCompleted = new ArrayList<>();
        List<Double> toOpened = new ArrayList<>();
        long lastOpened = pipelineStart;
        int acceptedCount = 0;
        int rejected = 0;
        int incomplete = 0;
        int noDelivery = 0;
        for (Decision d : all) {
            if (d.caseId == null) {
                rejected++;
                continue;
            }
            acceptedCount++;
            Long c = completed.get(d.caseId);
            Long o = opened.get(d.caseId);
            if (c != null) {
                toCompleted.add((c - d.accepted) / 1e6);
            } else {
                noDelivery++;
            }
            if (o != null) {
                toOpened.add((o - d.accepted) / 1e6);
                lastOpened = Math.max(lastOpened, o);
            } else {
                incomplete++;
            }
        }
        Stats completedStats = Stats.of(toCompleted.stream().mapToDouble(Double::doubleValue).toArray());
        Stats openedStats = Stats.of(toOpened.stream().mapToDouble(Double::doubleValue).toArray());
        double pipelineSeconds = (lastOpened - pipelineStart) / 1e9;
        double throughput = toOpened.size() / pipelineSeconds;
        double offered = decisions / ((lastSent - pipelineStart) / 1e9);

        // ---- component baseline ----
        List<Baseline.Result> components = new ArrayList<>();
        String baselineError = null;
        if (baseline) {
            System.out.println("component baseline ...");
            try {
                components.add(Baseline.kafka(bootstrap, decisions, perDecision.recordsRounded(), runId,
                        Topics.ENFORCEMENT_CASE.partitions()));
                System.out.printf("  %-22s %8.1f /s%n", components.getLast().name(), components.getLast().rate());
                components.add(Baseline.render(decisions, renderThreads));
                System.out.printf("  %-22s %8.1f /s  %.2f ms CPU per pair%n", components.getLast().name(),
                        components.getLast().rate(), components.getLast().cpuMsPerItem());
                components.add(Baseline.mongo(mongoUri, decisions, perDecision.insertsRounded(),
                        perDecision.updatesRounded(), runId, 2));
                System.out.printf("  %-22s %8.1f /s%n", components.getLast().name(), components.getLast().rate());
            } catch (Exception e) {
                baselineError = e.toString();
                System.err.println("component baseline failed: " + e);
            }
        }
        Baseline.Result limit = components.stream().min((a, b) -> Double.compare(a.rate(), b.rate())).orElse(null);
        double ratio = limit == null ? Double.NaN : throughput / limit.rate();
        // Each part's baseline already uses the whole machine (both cores), so in the pipeline the parts take turns
        // on the same cores: the rate of doing all of them for each decision is 1 / Σ(1 / rate of part).
        double serialLimit = components.isEmpty() ? Double.NaN
                : 1.0 / components.stream().mapToDouble(c -> 1.0 / c.rate()).sum();
        double serialRatio = throughput / serialLimit;

        // ---- table ----
        StringBuilder t = new StringBuilder();
        t.append(String.format("%n== lifecycle benchmark %s (%s) ==%n", runId, startedAt));
        t.append(String.format("machine: %s%n", machine));
        t.append(String.format("decisions %d across %d enterprises; offered %s (achieved %.1f/s), concurrency %d%n",
                decisions, enterprises, rate > 0 ? rate + "/s" : "saturation", offered, concurrency));
        t.append(String.format("accepted (201) %d, rejected/failed %d, without DualDeliveryCompleted %d, "
                + "without PublicityOpened within %d s: %d%n", acceptedCount, rejected, noDelivery, timeoutSeconds,
                incomplete));
        t.append(String.format("throughput (PublicityOpened seen, first send to last seen): %.1f decisions/s over %.1f s%n",
                throughput, pipelineSeconds));
        t.append(String.format("%-36s %6s %9s %9s %9s %9s%n", "latency from HTTP 201 (ms)", "n", "p50", "p95", "p99", "max"));
        for (var e : Map.of("to DualDeliveryCompleted", completedStats, "to PublicityOpened", openedStats).entrySet()
                .stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Stats s = e.getValue();
            t.append(String.format("%-36s %6d %9.1f %9.1f %9.1f %9.1f%n", e.getKey(), s.count(), s.p50(), s.p95(),
                    s.p99(), s.max()));
        }
        t.append(String.format("%-28s %8s %10s %11s %12s%n", "process (pipeline phase)", "pid", "CPU s", "RSS MiB", "peak MiB"));
        long stackPeak = 0;
        for (Procs.Tracked p : tracked.values()) {
            t.append(String.format("%-28s %8d %10.1f %11.0f %12.0f%n", p.role, p.pid, p.cpuSeconds(),
                    p.after == null ? Double.NaN : p.after.rssKiB() / 1024.0, p.peakRssKiB / 1024.0));
            if (!p.role.startsWith("benchmark")) {
                stackPeak += p.peakRssKiB;
            }
        }
        t.append(String.format("stack RSS (sum of per-process peaks, without the benchmark): %.0f MiB%n", stackPeak / 1024.0));
        t.append(dashboard.lagAtEnd() < 0 ? String.format("dashboard-service: not running (no committed offsets of group %s)%n",
                DashboardLag.GROUP) : String.format("dashboard-service lag when the pipeline ended: %d records; read"
                + " everything %.1f s later (its CPU is in the table above)%n", dashboard.lagAtEnd(), dashboard.secondsToZero()));
        for (Baseline.Result c : components) {
            t.append(String.format("component %-22s %6d in %6.2f s = %8.1f /s  (%s)%n", c.name(), c.count(), c.seconds(),
                    c.rate(), c.detail()));
        }
        if (limit != null) {
            t.append(String.format("component limit: %.1f /s (%s); pipeline / limit = %.1f%%%n", limit.rate(),
                    limit.name(), ratio * 100));
            t.append(String.format("all parts on the same cores (1 / sum of 1/rate): %.1f /s; pipeline / that = %.1f%%%n",
                    serialLimit, serialRatio * 100));
        }
        if (baselineError != null) {
            t.append("component baseline failed: ").append(baselineError).append('\n');
        }
        for (String e : errors) {
            t.append("error: ").append(e).append('\n');
        }
        System.out.print(t);

        // ---- JSON ----
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"runId\": ").append(Json.str(runId)).append(",\n");
        j.append("  \"startedAt\": ").append(Json.str(startedAt.toString())).append(",\n");
        j.append("  \"machine\": {");
        j.append(String.join(", ", machine.entrySet().stream().map(e -> Json.str(e.getKey()) + ": " + Json.str(e.getValue())).toList()));
        j.append("},\n");
        j.append("  \"settings\": {\"decisions\": ").append(decisions).append(", \"enterprises\": ").append(enterprises)
                .append(", \"rate\": ").append(rate > 0 ? Json.num(rate) : "\"saturation\"").append(", \"concurrency\": ")
                .append(concurrency).append(", \"timeoutSeconds\": ").append(timeoutSeconds).append("},\n");
        j.append("  \"pipeline\": {\"offeredPerSecond\": ").append(Json.num(offered)).append(", \"accepted\": ")
                .append(acceptedCount).append(", \"rejectedOrFailed\": ").append(rejected)
                .append(", \"withoutDualDeliveryCompleted\": ").append(noDelivery)
                .append(", \"withoutPublicityOpened\": ").append(incomplete)
                .append(", \"throughputPerSecond\": ").append(Json.num(throughput))
                .append(", \"seconds\": ").append(Json.num(pipelineSeconds))
                .append(",\n    \"latencyToDualDeliveryCompleted\": ").append(completedStats.json())
                .append(",\n    \"latencyToPublicityOpened\": ").append(openedStats.json())
                .append(",\n    \"errors\": [").append(String.join(", ", errors.stream().map(Json::str).toList())).append("]},\n");
        j.append("  \"processes\": [");
        List<String> procs = new ArrayList<>();
        for (Procs.Tracked p : tracked.values()) {
            procs.add("\n    {\"role\": " + Json.str(p.role) + ", \"pid\": " + p.pid + ", \"cpuSeconds\": "
                    + Json.num(p.cpuSeconds()) + ", \"rssMiBBefore\": "
                    + (p.before == null ? "null" : Json.num(p.before.rssKiB() / 1024.0)) + ", \"rssMiBAfter\": "
                    + (p.after == null ? "null" : Json.num(p.after.rssKiB() / 1024.0)) + ", \"rssMiBPeak\": "
                    + Json.num(p.peakRssKiB / 1024.0) + "}");
        }
        j.append(String.join(",", procs)).append("],\n");
        j.append("  \"stackRssMiBPeakSum\": ").append(Json.num(stackPeak / 1024.0)).append(",\n");
        j.append("  \"dashboard\": {\"lagRecordsAtEnd\": ").append(dashboard.lagAtEnd())
                .append(", \"secondsToReadEverything\": ").append(Json.num(dashboard.secondsToZero())).append("},\n");
        j.append("  \"components\": [");
        j.append(String.join(",", components.stream().map(c -> "\n    {\"name\": " + Json.str(c.name()) + ", \"count\": "
                + c.count() + ", \"seconds\": " + Json.num(c.seconds()) + ", \"perSecond\": " + Json.num(c.rate())
                + (Double.isNaN(c.cpuMsPerItem()) ? "" : ", \"cpuMsPerPair\": " + Json.num(c.cpuMsPerItem()))
                + ", \"detail\": " + Json.str(c.detail()) + "}").toList()));
        j.append("],\n");
        j.append("  \"componentLimitPerSecond\": ").append(limit == null ? "null" : Json.num(limit.rate())).append(",\n");
        j.append("  \"componentLimitName\": ").append(limit == null ? "null" : Json.str(limit.name())).append(",\n");
        j.append("  \"pipelineToComponentLimit\": ").append(Json.num(ratio)).append(",\n");
        j.append("  \"perDecision\": {\"documentsInserted\": ").append(Json.num(perDecision.inserts()))
                .append(", \"documentsUpdated\": ").append(Json.num(perDecision.updates()))
                .append(", \"recordsPublished\": ").append(Json.num(perDecision.records())).append("},\n");
        j.append("  \"serialComponentLimitPerSecond\": ").append(Json.num(serialLimit)).append(",\n");
        j.append("  \"pipelineToSerialComponentLimit\": ").append(Json.num(serialRatio)).append(",\n");
        j.append("  \"baselineError\": ").append(Json.str(baselineError)).append("\n}\n");
        Path outPath = Path.of(out);
        if (outPath.getParent() != null) {
            Files.createDirectories(outPath.getParent());
        }
        Files.writeString(outPath, j.toString());
        System.out.println("results: " + outPath.toAbsolutePath());
        return 0;
    }

    private volatile long tokenFetched;

    /**
     * The officer's access token from the authorization server (password grant of the {@code cli} client, the
     * README's curl call), fetched again after 30 minutes so that a long run outlives a token's one hour.
     */
    String token(HttpClient http) {
        if (accessToken == null || System.nanoTime() - tokenFetched > TimeUnit.MINUTES.toNanos(30)) {
            synchronized (this) {
                if (accessToken == null || System.nanoTime() - tokenFetched > TimeUnit.MINUTES.toNanos(30)) {
                    String form = "grant_type=password&username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
                    HttpRequest req = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                    .encodeToString("cli:cli-secret".getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                    try {
                        var resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                        var m = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(resp.body());
                        if (resp.statusCode() != 200 || !m.find()) {
                            throw new IllegalStateException("no token from " + tokenUrl + ": " + resp.statusCode()
                                    + " " + resp.body());
                        }
                        accessToken = m.group(1);
                        tokenFetched = System.nanoTime();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("authorization server unreachable at " + tokenUrl, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return accessToken;
    }

    /** Posts the decisions at the offered rate (0 = as fast as the in-flight bound allows); returns {start, lastSent}. */
    long[] drive(List<Decision> all, double rate, HttpClient http, Workload workload, List<String> errors) throws InterruptedException {
            Semaphore inFlight = new Semaphore(concurrency);
            CountDownLatch answered = new CountDownLatch(all.size());
            long pipelineStart = System.nanoTime();
            for (Decision d : all) {
                if (rate > 0) {
                    long due = pipelineStart + (long) ((d.index - all.get(0).index) * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                inFlight.acquire();
                HttpRequest req = workload.request(URI.create(caseUrl), token(http), d.index, d.documentNumber);
                d.sent = System.nanoTime();
                http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, err) -> {
                    long now = System.nanoTime();
                    try {
                        if (err != null) {
                            d.status = -1;
                            synchronized (errors) {
                                if (errors.size() < 5) {
                                    errors.add(d.documentNumber + ": " + err);
                                }
                            }
                        } else {
                            d.status = resp.statusCode();
                            if (resp.statusCode() == 201) {
                                d.accepted = now;
                                String id = Workload.caseId(resp.body());
                                d.caseId = id != null ? id : resp.headers().firstValue("Location")
                                        .map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse(null);
                            } else {
                                synchronized (errors) {
                                    if (errors.size() < 5) {
                                        errors.add(d.documentNumber + ": HTTP " + resp.statusCode() + " " + resp.body());
                                    }
                                }
                            }
                        }
                    } finally {
                        inFlight.release();
                        answered.countDown();
                    }
                });
            }
            long lastSent = System.nanoTime();
            answered.await(60, TimeUnit.SECONDS);
            return new long[] {pipelineStart, lastSent};
    }

    /** Decisions before the measured ones, not counted: the services' first requests load classes, fonts, JIT. */
    void warmUp(HttpClient http, Workload workload, long seqBase, Map<String, Long> opened)
            throws InterruptedException {
        if (warmup <= 0) {
            return;
        }
        List<Decision> w = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            w.add(new Decision(i, Workload.documentNumber(seqBase + i)));
        }
        System.out.printf("warm-up: %d decisions at 10/s, not measured ...%n", warmup);
        drive(w, 10, http, workload, new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline
                && w.stream().anyMatch(d -> d.caseId != null && !opened.containsKey(d.caseId))) {
            Thread.sleep(200);
        }
        long done = w.stream().filter(d -> d.caseId != null && opened.containsKey(d.caseId)).count();
        System.out.printf("warm-up: %d of %d completed%n", done, warmup);
        Thread.sleep(2000);
    }

    /** Document numbers must be unique across runs (the data directory persists): continue from the last run. */
    static long sequenceBase(int n) throws IOException {
        Path file = Path.of(System.getProperty("bench.seqFile", "bench-results/.next-sequence"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        long fromFile = Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 1;
        // without the file: tenths of a second since 2026-01-01 keep runs apart (sequence is an int: ≤ 2^31 − 1)
        long fromClock = (System.currentTimeMillis() / 1000 - 1_767_225_600L) * 40;
        long base = Math.max(fromFile, fromClock);
        if (base + n >= Integer.MAX_VALUE) {
            base = 1; // beyond 2027-09: start again and rely on a fresh data directory
        }
        return base;
    }

    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nproc", Integer.toString(Runtime.getRuntime().availableProcessors()));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memTotalMiB", Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024));
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    /** A plain consumer on the three pipeline topics, from their ends: time of first sight per case and type. */
    static final class Watcher implements AutoCloseable {
        final CountDownLatch ready = new CountDownLatch(1);
        private final Thread thread;
        private volatile boolean running = true;

        Watcher(Map<String, Long> completed, Map<String, Long> opened, Map<String, Long> other) {
            thread = Thread.ofPlatform().name("topic-watcher").start(() -> {
                Properties p = new Properties();
                p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
                p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
                p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
                try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                    List<TopicPartition> parts = new ArrayList<>();
                    for (String topic : List.of(Topics.ENFORCEMENT_CASE.name(), Topics.NOTICE_DELIVERY.name(),
                            Topics.CREDIT_PUBLICITY.name())) {
                        c.partitionsFor(topic).forEach(pi -> parts.add(new TopicPartition(topic, pi.partition())));
                    }
                    c.assign(parts);
                    c.seekToEnd(parts);
                    parts.forEach(c::position);
                    ready.countDown();
                    while (running) {
                        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(50))) {
                            long now = System.nanoTime();
                            Header h = r.headers().lastHeader("ce_type");
                            String type = h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
                            String caseId = r.key();
                            if (r.topic().equals(Topics.CREDIT_PUBLICITY.name())) {
                                caseId = Workload.caseId(r.value());
                            }
                            if (caseId == null) {
                                continue;
                            }
                            switch (type) {
                                case DUAL_DELIVERY_COMPLETED -> completed.putIfAbsent(caseId, now);
                                case PUBLICITY_OPENED -> opened.putIfAbsent(caseId, now);
                                default -> other.putIfAbsent(type + "/" + caseId, now);
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    System.err.println("topic watcher failed: " + e);
                    ready.countDown();
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

}
