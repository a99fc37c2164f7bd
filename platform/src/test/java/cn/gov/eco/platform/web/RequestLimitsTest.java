package cn.gov.eco.platform.web;

import cn.gov.eco.platform.text.FontCoverage;
import cn.gov.eco.platform.text.PrintableText;
import cn.gov.eco.platform.text.Printed;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16, items 1 and 6: every request body is held to documented limits before any handler runs. */
class RequestLimitsTest {

    record Party(@Printed(max = 200, singleLine = true) String name, String address) {
    }

    record Request(Party party, @Size(max = 20_000) String facts, @Printed(max = 500) @Size(max = 3) List<String> evidence,
                   List<Party> others, LocalDate receivedDate) {
    }

    private final RequestLimits limits = new RequestLimits(new PrintableText(FontCoverage.load(FontCoverage.DEFAULT_PATH)));

    private static Request ok() {
        return new Request(new Party("某某公司", "泉州市"), "事实", List.of("现场检查笔录"), List.of(), LocalDate.of(2026, 3, 1));
    }

    private List<String> faults(Request r) {
        return limits.check(r).stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void shouldAcceptARequestWithinEveryLimit() {
        assertThat(faults(ok())).isEmpty();
    }

    @Test
    void shouldRefuseAOneMegabyteValueInAnyTextFieldNamingItsPath() {
        String mb = "x".repeat(1_048_576);
        assertThat(faults(new Request(new Party("某某公司", mb), "事实", List.of(), List.of(), null)))
                .containsExactly("party.address:TOO_LONG");
        assertThat(faults(new Request(new Party("某某公司", null), mb, List.of(mb), List.of(new Party(mb, null)), null)))
                .containsExactly("facts:TOO_LONG", "evidence[0]:TOO_LONG", "others[0].name:TOO_LONG");
    }

    @Test
    void shouldRefuseMoreItemsThanTheListAllows() {
        assertThat(faults(new Request(null, null, List.of("a", "b", "c", "d"), null, null)))
                .containsExactly("evidence:TOO_MANY_ITEMS");
        assertThat(faults(new Request(null, null, null, Collections.nCopies(RequestLimits.DEFAULT_ITEMS + 1,
                new Party("a", null)), null))).containsExactly("others:TOO_MANY_ITEMS");
    }

    @Test
    void shouldRefuseBidiOverridesNulAndLoneSurrogatesInPrintedAndUnprintedFields() {
        assertThat(faults(new Request(new Party("某某\u202E公司", "泉州\u0000市"), "\uD800", List.of(), null, null)))
                .containsExactly("party.name:TEXT_BIDI_CONTROL", "party.address:TEXT_CONTROL_CHARACTER",
                        "facts:TEXT_LONE_SURROGATE");
    }

    @Test
    void shouldRefuseADateOutsideThePlausibleRange() {
        assertThat(faults(new Request(null, null, null, null, LocalDate.of(1900, 1, 1))))
                .containsExactly("receivedDate:DATE_IMPLAUSIBLE");
        assertThat(faults(new Request(null, null, null, null, LocalDate.of(2200, 1, 1))))
                .containsExactly("receivedDate:DATE_IMPLAUSIBLE");
    }
}
