package cn.gov.eco.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<EventType> eventTypes() {
        return Topics.ALL.stream().flatMap(t -> t.eventTypes().stream());
    }

    @Test
    void shouldDeclareTheTopicsOfTheArchitectureWithUniqueNames() {
        assertThat(Topics.ALL).extracting(Topic::name).containsExactly("enforcement.case.v1", "notice.delivery.v1",
                "credit.publicity.v1", "credit.repair.v1", "credit.level.v1", "credit.enterprise-status.v1",
                "calendar.v1");
        assertThat(Topics.CREDIT_ENTERPRISE_STATUS.compacted()).isTrue();
        assertThat(Topics.CALENDAR.compacted()).isTrue();
        assertThat(Topics.CALENDAR.key()).isEqualTo(Topic.KeyKind.YEAR);
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(t.partitions()).isPositive());
    }

    @Test
    void shouldCarryEachEventTypeOnExactlyOneTopic() {
        Set<String> seen = new HashSet<>();
        eventTypes().forEach(t -> assertThat(seen.add(t.ceType())).as(t.ceType()).isTrue());
        assertThat(seen).allMatch(t -> t.matches("cn\\.gov\\.eco\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v\\d+"));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldHaveASchemaAndAGoldenSampleThatSatisfiesIt(EventType type) throws Exception {
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        var schema = factory.getSchema(read(type.schemaResource()));
        JsonNode sample = JSON.readTree(read(type.sampleResource()));
        assertThat(schema.validate(sample)).as(type.ceType()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldRejectASampleWithoutItsRequiredFields(EventType type) throws Exception {
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(read(type.schemaResource()));
        assertThat(schema.validate(JSON.readTree("{}"))).as(type.ceType()).isNotEmpty();
    }

    private static InputStream read(String resource) {
        InputStream in = CatalogueContractTest.class.getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        return in;
    }
}
