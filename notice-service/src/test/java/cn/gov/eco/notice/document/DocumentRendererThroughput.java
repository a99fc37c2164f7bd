package cn.gov.eco.notice.document;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.gov.eco.notice.signature.DevelopmentSealKey;
import cn.gov.eco.notice.signature.PdfSealer;

/**
 * Measures rendering throughput, unsealed and sealed with an EC P-256 or an RSA-2048 key (not a test, not run by
 * the build). Run after {@code test-compile}:
 * <pre>
 * java -cp notice-service/target/test-classes:notice-service/target/classes:$(cat cp.txt) \
 *     cn.gov.eco.notice.document.DocumentRendererThroughput [pairs] [none,ec,rsa,ec-inc,rsa-inc,ec+img] [rounds]
 * </pre>
 * A pair is one decision plus its notice. The variants take turns, round after round, so that other load on the
 * machine falls on all of them alike; besides pairs/s it prints the CPU time per pair, which that load disturbs less.
 */
public final class DocumentRendererThroughput {

    private DocumentRendererThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String[] modes = (args.length > 1 ? args[1] : "none,ec,rsa").split(",");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long t0 = System.nanoTime();
        CjkFont font = CjkFont.loadDefault();
        System.out.printf("font load: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        Map<String, DocumentRenderer> renderers = new LinkedHashMap<>();
        for (String mode : modes) {
            // "<mode>+img": the agency adapted as in DocumentContentTest, with the seal picture on the signature page
            AgencyProfile agency = mode.endsWith("+img")
                    ? DocumentContentTest.adaptedAgency(new AgencyProfile.SealImage(DocumentContentTest.sealPng(), 42f))
                    : SampleDocuments.agency();
            renderers.put(mode, new DocumentRenderer(font, DocumentTemplates.classpathDefaults(),
                    agency, Clock.systemUTC(), sealer(mode.replace("+img", ""))));
        }
        PenaltyDecisionDocument decision = SampleDocuments.decision();
        RepairRightsNoticeDocument notice = SampleDocuments.notice();
        for (var e : renderers.entrySet()) {
            System.out.printf("%-5s sizes: decision %d bytes, notice %d bytes%n", e.getKey(),
                    e.getValue().renderDecision(decision).length, e.getValue().renderNotice(notice).length);
            run(e.getValue(), decision, notice, 2, pairs / 4, "warm-up " + e.getKey());
        }
        for (int r = 1; r <= rounds; r++) {
            for (var e : renderers.entrySet()) {
                run(e.getValue(), decision, notice, 1, pairs / 2, "round " + r + " " + e.getKey() + " 1 thread");
                run(e.getValue(), decision, notice, 2, pairs, "round " + r + " " + e.getKey() + " 2 threads");
            }
        }
        System.out.println("parsed font copies: " + font.parsedCopies());
    }

    /**
     * {@code none}; {@code ec} or {@code rsa}: sealed as the service does, in the pass that saves; {@code ec-inc} or
     * {@code rsa-inc}: saved, parsed again and sealed by an incremental update, the usual way to sign with PDFBox.
     */
    private static DocumentSealer sealer(String mode) {
        if (mode.equals("none")) {
            return DocumentSealer.UNSEALED;
        }
        DevelopmentSealKey.Algorithm algorithm = switch (mode.replace("-inc", "")) {
            case "ec" -> DevelopmentSealKey.Algorithm.EC_P256;
            case "rsa" -> DevelopmentSealKey.Algorithm.RSA_2048;
            default -> throw new IllegalArgumentException("none, ec, rsa, ec-inc or rsa-inc: " + mode);
        };
        PdfSealer sealer = new PdfSealer(DevelopmentSealKey.create("泉州市生态环境局", algorithm, Clock.systemUTC()),
                new PdfSealer.Signer("泉州市生态环境局", "福建省泉州市", ""), Clock.systemUTC());
        return mode.endsWith("-inc") ? document -> sealer.seal(DocumentSealer.UNSEALED.save(document)) : sealer;
    }

    private static void run(DocumentRenderer renderer, PenaltyDecisionDocument decision,
                            RepairRightsNoticeDocument notice, int threads, int pairs, String label) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < pairs / threads; i++) {
                        renderer.renderDecision(decision);
                        renderer.renderNotice(notice);
                    }
                    return mx.getCurrentThreadCpuTime() - cpu0;
                }));
            }
            long cpu = 0;
            for (Future<Long> f : futures) {
                cpu += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int done = (pairs / threads) * threads;
            System.out.printf("%-28s %6d pairs in %6.2f s = %7.1f pairs/s, %6.2f ms CPU per pair%n", label, done,
                    seconds, done / seconds, cpu / 1e6 / done);
        } finally {
            pool.shutdown();
        }
    }
}
