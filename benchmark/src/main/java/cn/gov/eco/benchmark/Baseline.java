package cn.gov.eco.benchmark;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import cn.gov.eco.notice.document.AgencyProfile;
import cn.gov.eco.notice.document.CjkFont;
import cn.gov.eco.notice.document.DocumentRenderer;
import cn.gov.eco.notice.document.DocumentTemplates;
import cn.gov.eco.notice.document.PenaltyDecisionDocument;
import cn.gov.eco.notice.document.RepairRightsNoticeDocument;
import cn.gov.eco.notice.signature.DevelopmentSealKey;
import cn.gov.eco.notice.signature.PdfSealer;

/** The component baseline: what Kafka, the renderer and MongoDB do alone, with plain clients, for N decisions. */
final class Baseline {

    /**
     * @param cpuMsPerItem CPU time of the threads doing the work per item (thread CPU time, ThreadMXBean), NaN when not
     *                     measured: for the renderer, the CPU milliseconds per pair of sealed documents
     */
    record Result(String name, int count, double seconds, String detail, double cpuMsPerItem) {

        Result(String name, int count, double seconds, String detail) {
            this(name, count, seconds, detail, Double.NaN);
        }

        double rate() {
            return count / seconds;
        }
    }

    private Baseline() {
    }

    /**
     * N decisions' worth of records (as many per decision as the pipeline published; about 1 KiB each, keyed like
     * the pipeline) through three hops: a producer writes hop 1, a relay
     * reads hop 1 and writes hop 2, another hop 2 to hop 3, a consumer reads hop 3. acks=all, idempotent. The rate
     * is N over the time from the first send to the last record read at hop 3.
     */
    static Result kafka(String bootstrap, int n, int recordsPerDecision, String runId, int partitions)
            throws Exception {
        List<String> topics = List.of("bench.hop1." + runId, "bench.hop2." + runId, "bench.hop3." + runId);
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
            try {
                Result r = threeHops(bootstrap, n * recordsPerDecision, topics);
                return new Result(r.name(), n, r.seconds(), recordsPerDecision + " records per decision (as many as "
                        + "the pipeline published), " + r.detail());
            } finally {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Result threeHops(String bootstrap, int n, List<String> topics) throws Exception {
        byte[] payload = new byte[1024];
        java.util.Arrays.fill(payload, (byte) 'x');
        List<Thread> relays = new ArrayList<>();
        AtomicLong lastSeen = new AtomicLong();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int hop = 0; hop < 3; hop++) {
            String from = topics.get(hop);
            String to = hop < 2 ? topics.get(hop + 1) : null;
            relays.add(Thread.ofPlatform().name("hop-" + (hop + 1)).start(() -> {
                try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap);
                     KafkaProducer<String, byte[]> producer = to == null ? null : producer(bootstrap)) {
                    List<TopicPartition> parts = consumer.partitionsFor(from).stream()
                            .map(p -> new TopicPartition(from, p.partition())).toList();
                    consumer.assign(parts);
                    consumer.seekToBeginning(parts);
                    int seen = 0;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (seen < n && System.nanoTime() < deadline) {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                            seen++;
                            if (producer != null) {
                                producer.send(new ProducerRecord<>(to, r.key(), r.value()));
                            }
                        }
                        if (producer != null) {
                            producer.flush(); // as a service would, before it commits what it read
                        }
                    }
                    if (to == null) {
                        lastSeen.set(System.nanoTime());
                    }
                    if (seen < n) {
                        failures.add(new IllegalStateException(from + ": " + seen + " of " + n + " within 120 s"));
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        Thread.sleep(500); // let the readers take their positions
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(topics.get(0), "case-" + i, payload));
            }
            producer.flush();
        }
        for (Thread t : relays) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Kafka baseline failed: " + failures.get(0), failures.get(0));
        }
        return new Result("kafka-3-hops", n, (lastSeen.get() - start) / 1e9,
                "1 KiB records, acks=all, idempotent, default batching, producer flush per poll, 3 hops");
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Both documents rendered N times by the project's DocumentRenderer on {@code threads} threads, each sealed with
     * the agency's electronic seal as notice-service seals them (an EC P-256 key like the embedded default's,
     * generated in memory for the run).
     */
    static Result render(int n, int threads) throws Exception {
        CjkFont font = CjkFont.loadDefault();
        Clock clock = Clock.systemUTC();
        String agency = "泉州市生态环境局";
        PdfSealer sealer = new PdfSealer(DevelopmentSealKey.create(agency, DevelopmentSealKey.Algorithm.EC_P256, clock),
                new PdfSealer.Signer(agency, "福建省泉州市", "0595-22500000（法规科）"), clock);
        DocumentRenderer renderer = new DocumentRenderer(font, DocumentTemplates.classpathDefaults(), new AgencyProfile(
                agency, "0595-22500000（法规科）", "福建省泉州市丰泽区东海街道通港西街1号",
                List.of("信用中国（www.creditchina.gov.cn）", "信用中国（福建）", "泉州市生态环境局门户网站")), clock, sealer);
        int warm = Math.max(300, n / 10); // the JIT compiles the renderer within the first few hundred pairs
        pairs(renderer, warm, threads, new AtomicLong());
        AtomicLong cpuNanos = new AtomicLong();
        long start = System.nanoTime();
        int done = pairs(renderer, n, threads, cpuNanos);
        double cpuMsPerPair = cpuNanos.get() / 1e6 / done;
        return new Result("render-2-pdfs", done, (System.nanoTime() - start) / 1e9,
                "decision + notice per pair, each sealed (PAdES, EC P-256), " + threads + " threads, after " + warm
                        + " warm-up pairs; " + String.format(java.util.Locale.ROOT, "%.2f", cpuMsPerPair)
                        + " ms CPU per pair", cpuMsPerPair);
    }

    /** Renders n pairs on the threads; adds the CPU time the threads spent on them to {@code cpuNanos}. */
    private static int pairs(DocumentRenderer renderer, int n, int threads, AtomicLong cpuNanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * n / threads;
                int to = (t + 1) * n / threads;
                futures.add(pool.submit(() -> {
                    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                    long cpu = mx.getCurrentThreadCpuTime();
                    for (int i = from; i < to; i++) {
                        renderer.renderDecision(decision(i + 1));
                        renderer.renderNotice(notice(i + 1));
                    }
                    cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpu);
                    return to - from;
                }));
            }
            int done = 0;
            for (Future<Integer> f : futures) {
                done += f.get();
            }
            return done;
        } finally {
            pool.shutdown();
        }
    }

    private static final String FACTS = "2026年9月15日，执法人员对当事人厂区进行现场检查，发现其废气处理设施未正常运行，经监测，"
            + "颗粒物排放浓度超过《大气污染物综合排放标准》规定的排放限值。";

    static PenaltyDecisionDocument decision(int seq) {
        return new PenaltyDecisionDocument("泉环罚〔2026〕" + seq + "号", null,
                new PenaltyDecisionDocument.Party("泉州市清源化工有限公司", "91350500MA2Y0001XX",
                        "福建省泉州市丰泽区东海街道滨海路88号", "陈建国"),
                FACTS, List.of("现场检查（勘察）笔录", "泉州市环境监测站监测报告", "调查询问笔录", "现场照片及视频"),
                "《中华人民共和国大气污染防治法》第十八条", "《中华人民共和国大气污染防治法》第九十九条第二项",
                List.of(new PenaltyDecisionDocument.Penalty("罚款", new BigDecimal("120000"), null)),
                new PenaltyDecisionDocument.Performance("通过福建省非税收入统一缴款平台或者指定代收银行缴纳",
                        "自收到本决定书之日起十五日内", null),
                PenaltyDecisionDocument.Remedies.statutory("泉州市人民政府", "泉州市丰泽区人民法院"),
                "当事人积极整改，依据《福建省生态环境行政处罚裁量规则》予以从轻处罚。",
                "本决定将依法在泉州市生态环境局门户网站和信用中国网站公示。", "泉州市生态环境局", LocalDate.of(2026, 11, 20));
    }

    static RepairRightsNoticeDocument notice(int seq) {
        return new RepairRightsNoticeDocument("泉环信修〔2026〕" + seq + "号", "泉环罚〔2026〕" + seq + "号",
                "泉州市清源化工有限公司", "91350500MA2Y0001XX", "一般失信行为", "受到行政处罚（一般）", List.of(),
                LocalDate.of(2026, 11, 20), LocalDate.of(2027, 2, 20), LocalDate.of(2027, 11, 20),
                LocalDate.of(2027, 2, 21), "自2027-02-20（最短公示期届满）起算1个日历日（起算日不计入），届满日为2027-02-21。",
                List.of("最短公示期已届满", "已履行行政处罚决定规定的义务", "违法行为已纠正并经核查", "作出信用承诺"),
                List.of("信用修复申请书", "信用承诺书", "履行行政处罚决定的证明材料", "整改完成的证明材料"),
                "登录信用中国网站（www.creditchina.gov.cn）“信用修复”栏目在线申请",
                "本机关自收到申请之日起3个工作日内决定是否受理。", "本次处罚将计入你单位环境信用动态评价。",
                false, null, null, "0595-22500000", "泉州市生态环境局", LocalDate.of(2026, 11, 20));
    }

    /**
     * Per decision one insert of a ~2 KiB document and one update of it, through the plain MongoDB driver, on a
     * scratch database that is dropped afterwards; {@code threads} writers.
     */
    static Result mongo(String uri, int n, int inserts, int updates, String runId, int threads) throws Exception {
        String dbName = "bench-scratch-" + runId;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(dbName);
            MongoCollection<Document> coll = db.getCollection("cases");
            String filler = "x".repeat(1900);
            coll.insertOne(new Document("_id", "warm").append("body", filler));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int from = t * n / threads;
                    int to = (t + 1) * n / threads;
                    futures.add(pool.submit(() -> {
                        for (int i = from; i < to; i++) {
                            // the pipeline's documents per decision, each updated in turn, version-guarded
                            for (int k = 0; k < inserts; k++) {
                                coll.insertOne(new Document("_id", "case-" + i + "-" + k).append("state", "DECIDED")
                                        .append("version", 0).append("body", filler)
                                        .append("outbox", List.of(Map.of("type", "PenaltyDecided", "sent", false))));
                            }
                            for (int u = 0; u < updates; u++) {
                                coll.updateOne(Filters.and(Filters.eq("_id", "case-" + i + "-" + (u % inserts)),
                                                Filters.eq("version", u / inserts)),
                                        Updates.combine(Updates.set("outbox.0.sent", true), Updates.inc("version", 1)));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long count = coll.estimatedDocumentCount();
            long updated = 0;
            for (Document d : coll.find(Filters.ne("_id", "warm")).projection(new Document("version", 1))) {
                updated += ((Number) d.get("version")).longValue();
            }
            db.drop();
            if (updated != (long) n * updates) {
                throw new IllegalStateException("MongoDB baseline updated " + updated + " of " + (long) n * updates);
            }
            if (count != (long) n * inserts + 1) {
                throw new IllegalStateException("MongoDB baseline wrote " + (count - 1) + " of " + (long) n * inserts);
            }
            return new Result("mongodb-insert+update", n, seconds, inserts + " inserts (~2 KiB) + " + updates
                    + " version-guarded updates per decision (as many as the pipeline wrote), " + threads
                    + " threads, database dropped after");
        }
    }
}
