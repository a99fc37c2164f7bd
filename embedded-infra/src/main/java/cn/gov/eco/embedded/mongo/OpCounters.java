package cn.gov.eco.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The documents the wire server inserted, updated and deleted, answered as {@code opcounters} in
 * {@code serverStatus} as MongoDB does (the wire server has none of its own), so that the benchmark can count the
 * writes the pipeline makes per decision, on the embedded default and on a real MongoDB alike. Counted from the
 * answers: what was written, not what was asked (a guarded update that matched nothing is no write).
 */
final class OpCounters {

    private final AtomicLong insert = new AtomicLong();
    private final AtomicLong update = new AtomicLong();
    private final AtomicLong delete = new AtomicLong();
    private final AtomicLong query = new AtomicLong();
    private final AtomicLong command = new AtomicLong();

    void count(String command, Document answer) {
        this.command.incrementAndGet();
        if (answer == null) {
            return;
        }
        switch (command.toLowerCase(java.util.Locale.ROOT)) {
            case "insert" -> insert.addAndGet(number(answer.get("n")));
            case "update" -> update.addAndGet(number(answer.get("nModified")) + upserted(answer));
            case "delete" -> delete.addAndGet(number(answer.get("n")));
            case "findandmodify" -> {
                if (answer.get("value") != null) {
                    update.incrementAndGet();
                }
            }
            case "find", "aggregate", "count", "getmore" -> query.incrementAndGet();
            default -> {
            }
        }
    }

    /** The server status with {@code opcounters} added. */
    Document addTo(Document status) {
        status.put("opcounters", new Document("insert", insert.get()).append("query", query.get())
                .append("update", update.get()).append("delete", delete.get()).append("getmore", 0L)
                .append("command", command.get()));
        return status;
    }

    private static long upserted(Document answer) {
        return answer.get("upserted") instanceof List<?> l ? l.size() : 0;
    }

    private static long number(Object n) {
        return n instanceof Number x ? x.longValue() : 0;
    }
}
