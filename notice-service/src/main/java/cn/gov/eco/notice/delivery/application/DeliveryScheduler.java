package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.notice.channel.ChannelSubmission;
import cn.gov.eco.platform.trace.Traces;
import cn.gov.eco.notice.channel.ChannelUnavailableException;
import cn.gov.eco.notice.channel.ElectronicDeliveryChannel;
import cn.gov.eco.notice.channel.ElectronicDispatch;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryEvents;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryEvents.AttemptOutcome;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository.NewEvent;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository.Stored;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.ElectronicTarget;
import cn.gov.eco.notice.delivery.model.FailureReason;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.notice.delivery.model.ServiceAttempt;
import cn.gov.eco.notice.delivery.model.ServiceRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The delivery work that falls due with time, restart-safe and idempotent: each delivery stores when it next has work
 * ({@code nextDueAt}), a pass claims due deliveries one by one (findOneAndUpdate with a lease, so a crashed
 * instance's claim lapses and the work is picked up again), and does what is due:
 * <ul>
 *   <li>the overdue check: not served by the last day (T2, 《行政处罚法》第六十一条) → {@code DeliveryOverdue},
 *       once;</li>
 *   <li>the end of a public notice's period (T20, 《民事诉讼法》第九十五条) → deemed served,
 *       {@code DualDeliveryCompleted};</li>
 *   <li>an electronic send: both documents to the channel in one message. If the channel cannot take it now
 *       ({@link ChannelUnavailableException}) the attempt stays open with the next try stored in the document
 *       (exponential backoff). The channel is idempotent by delivery id, so a send repeated after a crash between
 *       the send and its record returns the first message id and the addressee gets one message.</li>
 * </ul>
 * State changes and their events are always one write.
 */
public class DeliveryScheduler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

    private final DeliveryRepository deliveries;
    private final DocumentStore documents;
    private final ElectronicDeliveryChannel channel;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final Settings settings;
    private final BiPredicate<String, ElectronicTarget> consented;

    /**
     * @param claimLease   how long a claimed delivery is reserved for the instance that claimed it; longer than the
     *                     channel's slowest answer
     * @param firstRetry   the wait after the first failed send; doubled after each further one
     * @param maxRetry     the longest wait between sends
     * @param batch        the most deliveries one pass works on
     * @param arrivalTimeout how long after the channel took a message its arrival receipt may take before the
     *                     attempt counts as failed and service in person is recommended [I]
     */
    public record Settings(Duration claimLease, Duration firstRetry, Duration maxRetry, int batch,
                           Duration arrivalTimeout) {
    }

    /**
     * @param consented whether the enterprise (USCC) still consents to the attempt's channel and address: a consent
     *                  withdrawn before the send ends the attempt instead (《民事诉讼法》第九十条)
     */
    public DeliveryScheduler(DeliveryRepository deliveries, DocumentStore documents,
                             ElectronicDeliveryChannel channel, Clock clock, Supplier<UUID> ids, Settings settings,
                             BiPredicate<String, ElectronicTarget> consented) {
        this.consented = consented;
        this.deliveries = deliveries;
        this.documents = documents;
        this.channel = channel;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
    }

    /** One pass: works on every delivery due now (up to the batch size); returns how many it claimed. */
    public int runDue() {
        int n = 0;
        while (n < settings.batch()) {
            Optional<Stored> claimed = deliveries.claimDue(clock.instant(), settings.claimLease());
            if (claimed.isEmpty()) {
                break;
            }
            n++;
            processClaimed(claimed.get());
        }
        return n;
    }

    /**
     * Works on the deliveries named (a new delivery, an attempt just started), each if it is due now and not
     * claimed elsewhere; the others wait for their time and the next {@link #runDue()} pass. Returns how many it
     * claimed.
     */
    public int runDue(Collection<String> deliveryIds) {
        int n = 0;
        for (String id : deliveryIds) {
            Optional<Stored> claimed = deliveries.claimDue(id, clock.instant(), settings.claimLease());
            if (claimed.isPresent()) {
                n++;
                processClaimed(claimed.get());
            }
        }
        return n;
    }

    private void processClaimed(Stored claimed) {
        try {
            // the work continues the trace of the decision the delivery serves (the e-delivery call included)
            Traces.continuing(claimed.traceparent(), () -> process(claimed));
        } catch (RuntimeException e) {
            // the claim lapses after the lease and the work is taken up again
            log.warn("delivery {}: scheduled work failed, retried after the claim lapses: {}",
                    claimed.delivery().deliveryId(), e.toString());
        }
    }

    void process(Stored claimed) {
        Instant now = clock.instant();
        DualDelivery d = claimed.delivery();
        List<NewEvent> events = new ArrayList<>();
        if (d.overdueFrom().filter(t -> !t.isAfter(now)).isPresent()) {
            d = d.markedOverdue(now);
            events.add(DeliveryEvents.overdue(d, now));
        }
        var deemed = d.deemedServedBy(LocalDate.ofInstant(now, ServiceRules.CHINA), ids.get().toString(), now);
        if (deemed.isPresent()) {
            d = deemed.get();
            events.add(DeliveryEvents.completed(d));
        }
        var late = d.openAttempt().filter(a -> a.arrivalOverdue(now));
        if (late.isPresent()) {
            // [I] no arrival receipt in time: the electronic service did not take effect (《民事诉讼法》第九十条)
            d = d.failed(FailureReason.ELECTRONIC_UNDELIVERABLE, LocalDate.ofInstant(now, ServiceRules.CHINA),
                    "送达平台未在" + settings.arrivalTimeout().toHours() + "小时内回执到达", List.of(), now);
            events.add(DeliveryEvents.attempted(d, d.attempts().get(late.get().number() - 1), AttemptOutcome.FAILED,
                    now));
        }
        Optional<ServiceAttempt> send = d.openAttempt().filter(ServiceAttempt::awaitingSend)
                .filter(a -> !a.nextSendAt().isAfter(now));
        if (send.isEmpty()) {
            if (!deliveries.saveAndRelease(claimed, d, events)) {
                releaseLatest(d.deliveryId());
            }
            return;
        }
        Stored current = claimed;
        if (!events.isEmpty()) {
            // the flags and their events are stored before the channel is called, whatever the call does
            if (!deliveries.save(claimed, d, events)) {
                releaseLatest(d.deliveryId());
                return;
            }
            current = new Stored(d, claimed.version() + 1, claimed.lastSequence() + events.size(),
                    claimed.claimToken());
        }
        sendElectronically(current, send.get());
    }

    private void sendElectronically(Stored current, ServiceAttempt attempt) {
        DualDelivery d = current.delivery();
        if (!consented.test(d.uscc(), attempt.electronic())) {
            Instant now = clock.instant();
            DualDelivery failed = d.failed(FailureReason.CONSENT_REVOKED, LocalDate.ofInstant(now, ServiceRules.CHINA),
                    "电子送达确认已撤回，未发送", List.of(), now);
            if (!deliveries.saveAndRelease(current, failed, List.of(DeliveryEvents.attempted(failed,
                    failed.attempts().get(attempt.number() - 1), AttemptOutcome.FAILED, now)))) {
                releaseLatest(d.deliveryId());
            }
            return;
        }
        ChannelSubmission submission;
        try {
            submission = channel.send(dispatch(d, attempt));
        } catch (ChannelUnavailableException e) {
            Instant next = clock.instant().plus(backoff(attempt.sends()));
            log.info("delivery {}: electronic channel unavailable ({}), next try at {}", d.deliveryId(),
                    e.getMessage(), next);
            if (!deliveries.saveAndRelease(current, d.electronicSendDeferred(e.getMessage(), next), List.of())) {
                releaseLatest(d.deliveryId());
            }
            return;
        }
        recordSubmission(current, submission);
    }

    /** Records what the channel answered; if an arrival came in meanwhile, on the state as it is now. */
    private void recordSubmission(Stored current, ChannelSubmission submission) {
        for (int i = 0; i < DeliveryChanges.ATTEMPTS; i++) {
            DualDelivery d = current.delivery();
            var open = d.openAttempt().filter(ServiceAttempt::awaitingSend);
            if (open.isEmpty()) {
                // served meanwhile (the arrival receipt was faster than this record) or failed by an officer
                deliveries.saveAndRelease(current, d, List.of());
                return;
            }
            DualDelivery next = d.electronicSubmitted(submission.platformMessageId(), submission.acceptedAt(),
                    clock.instant().plus(settings.arrivalTimeout()));
            var sent = next.openAttempt().orElseThrow();
            if (deliveries.saveAndRelease(current, next, List.of(DeliveryEvents.attempted(next, sent,
                    AttemptOutcome.SENT, submission.acceptedAt())))) {
                return;
            }
            current = deliveries.load(d.deliveryId()).orElseThrow();
        }
        throw new IllegalStateException("could not record the submission of " + current.delivery().deliveryId());
    }

    /** Changed by someone else since the claim (an officer, an arrival): give the claim up; due work is redone. */
    private void releaseLatest(String deliveryId) {
        deliveries.load(deliveryId).ifPresent(deliveries::release);
    }

    Duration backoff(int sendsSoFar) {
        Duration wait = settings.firstRetry();
        for (int i = 0; i < sendsSoFar && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    private ElectronicDispatch dispatch(DualDelivery d, ServiceAttempt attempt) {
        return new ElectronicDispatch(d.deliveryId(), d.caseId(), d.uscc(), d.enterpriseName(),
                attempt.electronic().address(), d.documents().stream().map(this::document).toList());
    }

    private ElectronicDispatch.DispatchedDocument document(ServedDocument doc) {
        byte[] pdf = documents.content(doc.documentId()).orElseThrow(() -> new IllegalStateException(
                "document " + doc.documentId() + " is missing from the store"));
        return new ElectronicDispatch.DispatchedDocument(doc.kind().name(), doc.documentNumber(),
                doc.kind().nameZh() + "（" + doc.documentNumber() + "）.pdf", pdf, doc.sha256());
    }
}
