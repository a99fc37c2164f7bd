package cn.gov.eco.platform.record;

import cn.gov.eco.platform.security.ActorRef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a full-process record (执法全过程记录): who ({@code actor}, in which role), when, what ({@code action},
 * the state before and after, the changed values in {@code details}), why ({@code reason}) and which documents.
 * {@code hash} is SHA-256 over {@code prevHash} and the entry's canonical form (see {@link ProcessRecord}).
 */
public record RecordEntry(long seq, Instant at, ActorRef actor, String action, String fromState, String toState,
                          String reason, List<String> documents, Map<String, String> details, String prevHash,
                          String hash) {

    public RecordEntry {
        documents = List.copyOf(documents);
        details = Map.copyOf(details);
    }
}
