package cn.gov.eco.credit.repair.application;

import java.time.LocalDate;

/**
 * The external credit platform (信用中国 and the provincial platform) a repair result is pushed to (Order 36 Art. 3:
 * a repair terminates the publication and stops the sharing; T30). The HTTP adapter behind it is guarded by
 * Resilience4j; the simulator stands in for it in the embedded default and the tests.
 */
public interface CreditPlatform {

    /** What the platform is told: which publicity of which enterprise ends by repair, and when it was decided. */
    record RepairResult(String idempotencyKey, String uscc, String recordId, String caseId,
                        String decisionDocumentNumber, LocalDate approvedDate, String applicationId) {
    }

    /** The platform's reference for the result. */
    record Receipt(String reference) {
    }

    /**
     * Sends one result. Idempotent by {@link RepairResult#idempotencyKey()}: sending it again returns the first
     * reference and changes nothing on the platform.
     *
     * @throws Unavailable when the platform cannot take it now (down, slow, circuit open); the sync stays pending
     */
    Receipt send(RepairResult result);

    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
