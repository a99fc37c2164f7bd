package cn.gov.eco.contracts;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document and the topic catalogue in one-to-one agreement ({@link Topics#ALL}, {@link EventTypes}, the
 * JSON Schemas), and the document accepted by the AsyncAPI project's own parser.
 */
class AsyncApiContractTest {

    /** The committed document, as the module's sources have it (the working directory is the module). */
    private static final Path COMMITTED = Path.of("src/main/resources/contracts/asyncapi.yaml");
    private static final Path SCHEMAS = Path.of("src/main/resources/contracts/schemas");
    private static final Path LINT = Path.of("lint");

    @Test
    void shouldBeTheDocumentDerivedFromTheCatalogue() throws IOException {
        String generated = AsyncApiDocument.yaml();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("asyncapi.yaml differs from the catalogue: regenerate it with"
                        + " ./mvnw -B -ntp -pl contracts verify -Dasyncapi.write=true")
                .isEqualTo(generated);
    }

    @Test
    void shouldDescribeEachTopicAndItsDeadLetterTopicWithTheCataloguesKafkaBindings() {
        Map<String, Object> channels = section(committed(), "channels");
        Set<String> addresses = channels.values().stream().map(c -> (String) asMap(c).get("address"))
                .collect(Collectors.toSet());
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream()
                .flatMap(t -> Stream.of(t.name(), t.deadLetterTopic())).toList());
        for (Topic t : Topics.ALL) {
            Map<String, Object> kafka = kafkaBinding(channelAt(channels, t.name()));
            assertThat(kafka.get("partitions")).as(t.name()).isEqualTo(t.partitions());
            Map<String, Object> config = asMap(kafka.get("topicConfiguration"));
            assertThat(config.get("cleanup.policy")).as(t.name()).isEqualTo(List.of(t.policy().cleanup().config()));
            assertThat(((Number) config.get("retention.ms")).longValue()).as(t.name()).isEqualTo(t.policy().retentionMs());

            Map<String, Object> dlt = kafkaBinding(channelAt(channels, t.deadLetterTopic()));
            assertThat(dlt.get("partitions")).as(t.deadLetterTopic()).isEqualTo(t.partitions());
            assertThat(((Number) asMap(dlt.get("topicConfiguration")).get("retention.ms")).longValue())
                    .isEqualTo(Topic.DEAD_LETTER_RETENTION.toMillis());
        }
    }

    @Test
    void shouldCarryOnEachChannelExactlyTheEventTypesOfItsTopicNamedByTheirCeType() {
        Map<String, Object> doc = committed();
        Map<String, Object> channels = section(doc, "channels");
        Map<String, Object> messages = asMap(section(doc, "components").get("messages"));
        for (Topic t : Topics.ALL) {
            Map<String, Object> onChannel = asMap(channelAt(channels, t.name()).get("messages"));
            assertThat(onChannel.keySet()).as(t.name())
                    .containsExactlyInAnyOrderElementsOf(t.eventTypes().stream().map(EventType::name).toList());
            for (EventType e : t.eventTypes()) {
                Map<String, Object> message = asMap(messages.get(e.name()));
                assertThat(message.get("name")).isEqualTo(e.ceType());
                assertThat(asMap(asMap(message.get("payload")).get("schema")).get("$ref"))
                        .isEqualTo("schemas/" + AsyncApiDocument.schemaFile(e));
                assertThat(asMap(asMap(asMap(message.get("bindings")).get("kafka")).get("key"))).containsKey("type");
            }
        }
        assertThat(messages.keySet()).hasSize((int) Topics.ALL.stream().mapToLong(t -> t.eventTypes().size()).sum() + 1);
    }

    @Test
    void shouldDescribeTheCloudEventsHeadersAndTheDeadLetterHeaders() {
        Map<String, Object> components = section(committed(), "components");
        Map<String, Object> cloudEvent = asMap(asMap(asMap(components.get("messageTraits")).get("cloudEvent"))
                .get("headers"));
        assertThat(asMap(cloudEvent.get("properties")).keySet()).contains("ce_specversion", "ce_id", "ce_type",
                "ce_source", "ce_subject", "ce_time", "ce_sequence", "ce_rulesetid", "ce_calendarversion",
                "ce_traceparent", "traceparent");
        Map<String, Object> deadLetter = asMap(asMap(components.get("messages")).get(AsyncApiDocument.DEAD_LETTER_MESSAGE));
        assertThat(asMap(asMap(deadLetter.get("headers")).get("properties")).keySet())
                .containsAll(AsyncApiDocument.DEAD_LETTER_HEADERS);
    }

    @Test
    void shouldHaveTheWritersSendAndEveryReadersReceiveAndDeadLetterOperations() {
        Map<String, Object> doc = committed();
        Map<String, Object> channels = section(doc, "channels");
        Set<String> actual = new HashSet<>();
        for (Object o : section(doc, "operations").values()) {
            Map<String, Object> op = asMap(o);
            String channelRef = (String) asMap(op.get("channel")).get("$ref");
            String address = (String) asMap(channels.get(channelRef.substring("#/channels/".length()))).get("address");
            @SuppressWarnings("unchecked")
            var tags = (List<Map<String, Object>>) op.get("tags");
            assertThat(tags).hasSize(1);
            actual.add(tags.getFirst().get("name") + " " + op.get("action") + " " + address);
        }
        List<String> expected = new ArrayList<>();
        for (Topic t : Topics.ALL) {
            expected.add(t.writer().userName() + " send " + t.name());
            for (Principal reader : t.readers()) {
                expected.add(reader.userName() + " receive " + t.name());
                if (reader != Principal.DASHBOARD) {
                    expected.add(reader.userName() + " send " + t.deadLetterTopic());
                }
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(actual).contains("credit-service receive enforcement.case.v1", "dashboard receive credit.level.v1");
    }

    @Test
    void shouldNameEverySchemaFileOfTheContractAndNoOther() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(SCHEMAS)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .collect(Collectors.toSet());
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream()
                .flatMap(t -> t.eventTypes().stream()).map(AsyncApiDocument::schemaFile).toList());
    }

    @Test
    void shouldParseAndValidateWithTheAsyncApiProjectsOwnParser() throws Exception {
        Assumptions.assumeTrue(nodePresent(), "node is not on this machine: the AsyncAPI parser check is skipped");
        assertThat(LINT.resolve("node_modules/@asyncapi/parser")).as("contracts/lint/node_modules: the contracts"
                + " build installs it with npm ci (contracts/lint/install.sh)").isDirectory();
        Process p = new ProcessBuilder("node", "validate-asyncapi.mjs", COMMITTED.toAbsolutePath().toString(), "--strict")
                .directory(LINT.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("asyncapi: 0 errors, 0 warnings; document parsed");
    }

    static boolean nodePresent() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Map<String, Object> committed() {
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream(AsyncApiDocument.RESOURCE)) {
            assertThat(in).isNotNull();
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> channelAt(Map<String, Object> channels, String address) {
        return channels.values().stream().map(AsyncApiContractTest::asMap)
                .filter(c -> address.equals(c.get("address"))).findFirst()
                .orElseThrow(() -> new AssertionError("no channel at " + address));
    }

    private static Map<String, Object> kafkaBinding(Map<String, Object> channel) {
        return asMap(asMap(channel.get("bindings")).get("kafka"));
    }

    private static Map<String, Object> section(Map<String, Object> doc, String name) {
        return asMap(doc.get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }
}
