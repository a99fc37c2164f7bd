package cn.gov.eco.notice.document;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures rendering throughput (not a test, not run by the build). Run after {@code test-compile}:
 * <pre>
 * java -cp notice-service/target/test-classes:notice-service/target/classes:$(cat cp.txt) \
 *     cn.gov.eco.notice.document.DocumentRendererThroughput [pairs]
 * </pre>
 * A pair is one decision plus its notice.
 */
public final class DocumentRendererThroughput {

    private DocumentRendererThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long t0 = System.nanoTime();
        CjkFont font = CjkFont.loadDefault();
        DocumentRenderer renderer = new DocumentRenderer(font, DocumentTemplates.classpathDefaults(),
                SampleDocuments.agency());
        System.out.printf("font load: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        PenaltyDecisionDocument decision = SampleDocuments.decision();
        RepairRightsNoticeDocument notice = SampleDocuments.notice();
        System.out.printf("sizes: decision %d bytes, notice %d bytes%n",
                renderer.renderDecision(decision).length, renderer.renderNotice(notice).length);
        run(renderer, decision, notice, 1, pairs / 2, "warm-up 1 thread");
        run(renderer, decision, notice, 2, pairs / 2, "warm-up 2 threads");
        run(renderer, decision, notice, 1, pairs, "1 thread");
        run(renderer, decision, notice, 2, pairs, "2 threads");
        System.out.println("parsed font copies: " + font.parsedCopies());
    }

    private static void run(DocumentRenderer renderer, PenaltyDecisionDocument decision,
                            RepairRightsNoticeDocument notice, int threads, int pairs, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long bytes = 0;
                    for (int i = 0; i < pairs / threads; i++) {
                        bytes += renderer.renderDecision(decision).length;
                        bytes += renderer.renderNotice(notice).length;
                    }
                    return bytes;
                }));
            }
            for (Future<Long> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int done = (pairs / threads) * threads;
            System.out.printf("%-18s %6d pairs in %6.2f s = %7.1f pairs/s%n", label, done, seconds, done / seconds);
        } finally {
            pool.shutdown();
        }
    }
}
