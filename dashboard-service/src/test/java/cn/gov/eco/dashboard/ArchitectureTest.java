package cn.gov.eco.dashboard;

import cn.gov.eco.testsupport.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.gov.eco.dashboard");

    @Test
    void shouldKeepTheModelPlainAndTheLayersInOrder() {
        ServiceArchitecture.rules("cn.gov.eco.dashboard").forEach(rule -> rule.check(CLASSES));
    }

    @Test
    void shouldNeverTouchADatabaseOrWriteToKafka() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
                .because("the dashboard reads the public topics only (issue 19)").check(CLASSES);
    }
}
