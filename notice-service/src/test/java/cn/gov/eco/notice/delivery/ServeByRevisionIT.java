package cn.gov.eco.notice.delivery;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.notice.delivery.application.ServeByRevision;
import cn.gov.eco.platform.calendar.CalendarYear;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.platform.messaging.OutboxEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading an official year revises the open serve-by dates computed on the provisional year, against the MongoDB wire
 * server: one {@code ServeByRevised} per delivery with both derivations; the agency's date follows the official table
 * and is flagged when already past. The 2027 table is a MADE-UP test fixture (test-support), not the State Council's.
 */
class ServeByRevisionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static CalendarYear madeUp2027() {
        try (InputStream in = ServeByRevisionIT.class.getResourceAsStream("/calendar/fixture-2027-made-up.tsv")) {
            return WorkingDayCalendar.parseYears(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getFirst();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode revisedEvent(DeliveryWorld world, String caseId) {
        OutboxEvent e = world.events(caseId).stream()
                .filter(x -> x.ceType().equals(EventTypes.SERVE_BY_REVISED.ceType())).findFirst().orElseThrow();
        assertThat(new EventSchemas().errors(EventTypes.SERVE_BY_REVISED, e.payloadJson())).isEmpty();
        return JSON.readTree(e.payloadJson());
    }

    @Test
    void shouldReviseEachOpenServeByDateOnTheOfficialYearAndFlagTheOnesAlreadyPast() {
        try (var world = new DeliveryWorld(Instant.parse("2027-04-30T02:00:00Z"))) {
            // no e-service consent: both deliveries stay open, waiting for an officer
            String later = "revise-later-" + System.nanoTime();
            String past = "revise-past-" + System.nanoTime();
            world.decisions().onPenaltyDecided(DeliveryWorld.decided(later, LocalDate.of(2027, 2, 1)));
            world.decisions().onPenaltyDecided(DeliveryWorld.decided(past, LocalDate.of(2027, 4, 21)));
            assertThat(world.delivery(later).serveBy().date()).isEqualTo(LocalDate.of(2027, 2, 12));
            assertThat(world.delivery(later).serveBy().derivation().provisional()).isTrue();
            assertThat(world.delivery(past).serveBy().date()).isEqualTo(LocalDate.of(2027, 4, 30));

            CalendarYear official = madeUp2027();
            assertThat(world.calendar.load(official)).isTrue();
            var revision = new ServeByRevision(world.deliveries, world.calendar, world.clock);
            assertThat(revision.onYearLoaded(official)).isGreaterThanOrEqualTo(2);

            // 春节 02-05..02-13 on the made-up table: serve by 02-17 instead of 02-12
            assertThat(world.delivery(later).serveBy().date()).isEqualTo(LocalDate.of(2027, 2, 17));
            assertThat(world.delivery(later).serveBy().derivation().provisional()).isFalse();
            JsonNode e1 = revisedEvent(world, later);
            assertThat(e1.at("/previous/date").asString()).isEqualTo("2027-02-12");
            assertThat(e1.at("/previous/derivation/provisional").asBoolean()).isTrue();
            assertThat(e1.at("/revised/date").asString()).isEqualTo("2027-02-17");
            assertThat(e1.get("dateChanged").asBoolean()).isTrue();
            assertThat(e1.get("alreadyPast").asBoolean()).as("02-17 is past on the revision day 04-30").isTrue();
            assertThat(e1.get("calendarVersion").asString()).endsWith("+2027v1");
            assertThat(e1.get("calendarSource").asString()).contains("TEST-FIXTURE-2027");

            // Sun 04-25 worked on the made-up table: the 7th working day is 04-29, before today (04-30): flagged
            JsonNode e2 = revisedEvent(world, past);
            assertThat(e2.at("/revised/date").asString()).isEqualTo("2027-04-29");
            assertThat(e2.get("alreadyPast").asBoolean()).isTrue();
            assertThat(world.delivery(past).serveBy().date()).isEqualTo(LocalDate.of(2027, 4, 29));

            // idempotent: nothing rests on provisional 2027 any more
            assertThat(revision.onYearLoaded(official)).isZero();
            assertThat(world.events(later).stream().filter(x -> x.ceType().equals(EventTypes.SERVE_BY_REVISED.ceType())))
                    .hasSize(1);
        }
    }
}
