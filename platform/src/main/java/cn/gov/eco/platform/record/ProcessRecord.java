package cn.gov.eco.platform.record;

import cn.gov.eco.platform.security.ActorRef;
import cn.gov.eco.contracts.identity.Role;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 执法全过程记录 (《行政处罚法》第四十七条: 行政机关应当依法以文字、音像等形式，对行政处罚的启动、调查取证、审核、决定、送达、执行等
 * 进行全过程记录，归档保存): every state change of a case appended to a per-case hash chain, in the same single-document write
 * as the change itself.
 *
 * <p>The chain an auditor can check offline, without our code: entry {@code n}'s {@code hash} is the lowercase hex
 * SHA-256 of the UTF-8 bytes of {@code prevHash + "\n" + canonical(entry)}, where {@code prevHash} is entry
 * {@code n-1}'s hash ({@value #GENESIS} for the first), and {@code canonical} is the JSON object of the entry's
 * fields other than {@code hash} and {@code prevHash}, keys sorted, no whitespace, {@code actor} flattened to
 * {@code actorId}, {@code actorName}, {@code actorRole}, {@code at} as an ISO-8601 instant, every value a string,
 * list of strings or object of strings (so it is also RFC 8785 JSON Canonicalization). {@code seq} counts from 1.
 */
public final class ProcessRecord {

    public static final String GENESIS = "0000000000000000000000000000000000000000000000000000000000000000";
    public static final String ALGORITHM = "SHA-256(prevHash + \"\\n\" + canonicalJson(entry)); RFC 8785 canonical "
            + "JSON of seq, at, actorId, actorName, actorRole, action, fromState, toState, reason, documents, details";

    private ProcessRecord() {
    }

    /** The entry that follows {@code previous} (null for the first), with its hash. */
    public static RecordEntry next(RecordEntry previous, Instant at, ActorRef actor, String action, String fromState,
                                   String toState, String reason, List<String> documents, Map<String, String> details) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prev = previous == null ? GENESIS : previous.hash();
        var unhashed = new RecordEntry(seq, at, actor, action, fromState, toState, reason, documents, details, prev, "");
        return new RecordEntry(seq, at, actor, action, fromState, toState, reason, documents, details, prev,
                hash(unhashed));
    }

    /** The hash an entry must have, recomputed from its content and its {@code prevHash}. */
    public static String hash(RecordEntry e) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((e.prevHash() + "\n" + canonical(e)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    /** The canonical JSON of an entry: sorted keys, no whitespace, strings only (RFC 8785 for this shape). */
    public static String canonical(RecordEntry e) {
        Map<String, Object> m = new TreeMap<>();
        m.put("seq", Long.toString(e.seq()));
        m.put("at", e.at().toString());
        m.put("actorId", e.actor().userId());
        m.put("actorName", e.actor().name());
        m.put("actorRole", e.actor().role() == null ? "" : e.actor().role().name());
        m.put("action", e.action());
        m.put("fromState", nullToEmpty(e.fromState()));
        m.put("toState", nullToEmpty(e.toState()));
        m.put("reason", nullToEmpty(e.reason()));
        m.put("documents", e.documents());
        m.put("details", new TreeMap<>(e.details()));
        StringBuilder sb = new StringBuilder();
        write(sb, m);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (var entry : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(entry.getKey()));
                sb.append(':');
                write(sb, entry.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, list.get(i));
            }
            sb.append(']');
        } else {
            string(sb, String.valueOf(v));
        }
    }

    /** A JSON string as RFC 8785 writes it: only the characters JSON requires are escaped. */
    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The outcome of recomputing a chain: intact, or the first entry where it breaks and why. */
    public record Verification(boolean intact, int entries, Long brokenAtSeq, String reasonZh, String reasonEn,
                               String headHash) {
    }

    public static Verification verify(List<RecordEntry> entries) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (RecordEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return broken(entries, e.seq(), "序号不连续：应为 " + expectedSeq, "sequence gap: expected " + expectedSeq);
            }
            if (!prev.equals(e.prevHash())) {
                return broken(entries, e.seq(), "前一条记录的哈希不符（记录被删除、插入或改动）",
                        "prevHash does not match the previous entry (an entry was removed, inserted or changed)");
            }
            if (!hash(e).equals(e.hash())) {
                return broken(entries, e.seq(), "记录内容与其哈希不符（记录被改动）",
                        "the entry's content does not match its hash (the entry was changed)");
            }
            prev = e.hash();
            expectedSeq++;
        }
        return new Verification(true, entries.size(), null, null, null, prev);
    }

    private static Verification broken(List<RecordEntry> entries, long seq, String zh, String en) {
        return new Verification(false, entries.size(), seq, zh, en, null);
    }

    public static Document toBson(RecordEntry e) {
        return new Document("seq", e.seq()).append("at", java.util.Date.from(e.at()))
                .append("atIso", e.at().toString())
                .append("actor", new Document("userId", e.actor().userId()).append("name", e.actor().name())
                        .append("role", e.actor().role() == null ? null : e.actor().role().name()))
                .append("action", e.action()).append("fromState", e.fromState()).append("toState", e.toState())
                .append("reason", e.reason()).append("documents", e.documents())
                .append("details", new Document(new LinkedHashMap<>(e.details())))
                .append("prevHash", e.prevHash()).append("hash", e.hash());
    }

    public static RecordEntry fromBson(Document d) {
        Document a = d.get("actor", Document.class);
        String role = a.getString("role");
        Map<String, String> details = new LinkedHashMap<>();
        Document det = d.get("details", Document.class);
        if (det != null) {
            det.forEach((k, v) -> details.put(k, String.valueOf(v)));
        }
        Number seq = d.get("seq", Number.class);
        // the ISO string keeps nanoseconds that a BSON date (milliseconds) would lose
        Instant at = d.getString("atIso") != null ? Instant.parse(d.getString("atIso")) : d.getDate("at").toInstant();
        return new RecordEntry(seq.longValue(), at, new ActorRef(a.getString("userId"), a.getString("name"),
                role == null ? null : Role.valueOf(role)), d.getString("action"), d.getString("fromState"),
                d.getString("toState"), d.getString("reason"), new ArrayList<>(d.getList("documents", String.class)),
                details, d.getString("prevHash"), d.getString("hash"));
    }

    public static List<RecordEntry> fromBson(List<Document> docs) {
        return docs == null ? List.of() : docs.stream().map(ProcessRecord::fromBson).toList();
    }
}
