package cn.gov.eco.system;

import cn.gov.eco.contracts.identity.Role;
import cn.gov.eco.credit.level.model.CreditLevel;
import cn.gov.eco.credit.publicity.model.PublicityStatus;
import cn.gov.eco.credit.repair.model.RepairStatus;
import cn.gov.eco.enforcement.casefile.model.CaseFile;
import cn.gov.eco.enforcement.casefile.model.CaseState;
import cn.gov.eco.enforcement.decision.model.PenaltyType;
import cn.gov.eco.enforcement.execution.model.ExecutionState;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.ServiceMethod;
import cn.gov.eco.platform.publicity.SeverityTier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code the portal shows has a zh-CN label: each label table of the portal's {@code ui.js} names every value of
 * the enum whose values the services answer with. A new enum value without a label fails here, before a person sees
 * a raw code such as {@code EXECUTING} on a page.
 */
class PortalLabelsTest {

    private static final String UI_JS = "/META-INF/resources/portal/js/ui.js";

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of("roles", List.of(Role.class)),
                Arguments.of("penaltyTypes", List.of(PenaltyType.class)),
                Arguments.of("tiers", List.of(SeverityTier.class)),
                Arguments.of("caseStates", List.of(CaseState.class, ExecutionState.class)),
                Arguments.of("reviewStatus", List.of(CaseFile.ReviewStatus.class)),
                Arguments.of("publicityStatus", List.of(PublicityStatus.class)),
                Arguments.of("repairStatus", List.of(RepairStatus.class)),
                Arguments.of("deliveryStatus", List.of(DualDelivery.Status.class)),
                Arguments.of("serviceMethods", List.of(ServiceMethod.class)),
                Arguments.of("creditLevels", List.of(CreditLevel.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void shouldLabelEveryValueOfTheEnumsThePortalShows(String table, List<Class<? extends Enum<?>>> enums)
            throws IOException {
        Set<String> labelled = keys(table);
        Set<String> values = new LinkedHashSet<>();
        enums.forEach(e -> Arrays.stream(e.getEnumConstants()).map(Enum::name).forEach(values::add));

        assertThat(labelled).as("LABELS.%s in ui.js", table).containsAll(values);
    }

    /** The keys of {@code LABELS.<table>: { KEY: '…', … }} in ui.js. */
    private static Set<String> keys(String table) throws IOException {
        String js;
        try (InputStream in = PortalLabelsTest.class.getResourceAsStream(UI_JS)) {
            assertThat(in).as(UI_JS + " on the classpath (the portal module)").isNotNull();
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher start = Pattern.compile("\\n\\s+" + table + ": \\{").matcher(js);
        assertThat(start.find()).as("LABELS." + table + " in ui.js").isTrue();
        String body = js.substring(start.end(), js.indexOf('}', start.end()));
        Set<String> keys = new LinkedHashSet<>();
        Matcher key = Pattern.compile("([A-Z][A-Z_]*):").matcher(body);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }
}
