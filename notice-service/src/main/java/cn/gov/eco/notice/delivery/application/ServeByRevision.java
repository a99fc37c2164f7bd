package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.model.ServiceRules;
import cn.gov.eco.platform.calendar.CalendarYear;
import cn.gov.eco.platform.calendar.DateDerivation;
import cn.gov.eco.platform.calendar.DeadlineRevision;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an official calendar year is loaded, every open delivery whose serve-by date (T2) was computed on that
 * provisional year is recomputed from the same start on the official table. Serving is owed by the agency: the
 * official date applies, flagged {@code alreadyPast} when the revision comes after it [I] ({@link DeadlineRevision}).
 * Each revised delivery raises its own {@code ServeByRevised} with both derivations.
 */
public class ServeByRevision {

    private static final Logger log = LoggerFactory.getLogger(ServeByRevision.class);

    /** The payload of {@code cn.gov.eco.notice.ServeByRevised.v1}. */
    public record ServeByRevisedV1(String caseId, String deliveryId, String uscc, int calendarYear,
                                   String calendarVersion, String calendarSource, ExplainedDate previous,
                                   ExplainedDate revised, boolean dateChanged, boolean alreadyPast, Instant revisedAt) {
    }

    private final DeliveryRepository repository;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public ServeByRevision(DeliveryRepository repository, WorkingDayCalendar calendar, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** @return how many deliveries were revised */
    public int onYearLoaded(CalendarYear year) {
        int revised = 0;
        for (var stored : repository.openWithProvisionalServeBy(year.year())) {
            for (int attempt = 0; attempt < 3 && stored != null; attempt++) {
                if (revise(stored, year)) {
                    revised++;
                    break;
                }
                // a concurrent change (service recorded, scheduler): read again and decide again
                stored = repository.load(stored.delivery().deliveryId()).filter(s ->
                        s.delivery().serveBy() != null
                                && s.delivery().serveBy().derivation().provisionalYears().contains(year.year()))
                        .orElse(null);
            }
        }
        log.info("calendar year {} loaded: {} open serve-by dates revised", year.year(), revised);
        return revised;
    }

    private boolean revise(DeliveryRepository.Stored stored, CalendarYear year) {
        var d = stored.delivery();
        ExplainedDate previous = d.serveBy();
        DateDerivation p = previous.derivation();
        ExplainedDate recomputed = ExplainedDate.of(calendar.compute(p.rule(), p.startEventZh(), p.startEventEn(),
                p.startDate()));
        Instant now = clock.instant();
        var outcome = DeadlineRevision.revise(DeadlineRevision.Owner.AGENCY, previous, recomputed,
                LocalDate.ofInstant(now, ServiceRules.CHINA), true);
        var event = new ServeByRevisedV1(d.caseId(), d.deliveryId(), d.uscc(), year.year(), calendar.calendarVersion(),
                year.sourceDocumentId() + ": " + year.sourceTitle(), previous, outcome.applied(), outcome.dateChanged(),
                outcome.alreadyPast(), now);
        if (outcome.alreadyPast()) {
            log.warn("delivery {}: serve-by date revised to {}, already past on {}", d.deliveryId(),
                    outcome.applied().date(), LocalDate.ofInstant(now, ServiceRules.CHINA));
        }
        return repository.save(stored, d.withServeBy(outcome.applied()),
                List.of(new DeliveryRepository.NewEvent(EventTypes.SERVE_BY_REVISED, event)));
    }
}
