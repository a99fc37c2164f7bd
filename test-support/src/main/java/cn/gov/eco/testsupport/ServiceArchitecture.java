package cn.gov.eco.testsupport;

import com.tngtech.archunit.lang.ArchRule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture every service keeps (STYLE.md 1–2): packages by feature with {@code model / application /
 * infrastructure / web} inside; the domain model is plain Java and takes its time from an injected clock; the
 * application layer does not depend on the web layer.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                noClasses().that().resideInAPackage("..model..")
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                                "org.apache.kafka..", "com.mongodb..", "org.bson..", "tools.jackson..",
                                "com.fasterxml..", "jakarta.servlet..")
                        .because("the domain model is plain Java (STYLE.md 2)"),
                noClasses().that().resideInAPackage("..model..")
                        .should().callMethod(Instant.class, "now").orShould().callMethod(LocalDate.class, "now")
                        .because("time comes from an injected Clock (STYLE.md 2)"),
                noClasses().that().resideInAPackage("..model..")
                        .should().dependOnClassesThat().resideInAnyPackage(basePackage + "..application..",
                                basePackage + "..infrastructure..", basePackage + "..web.."),
                noClasses().that().resideInAPackage("..application..")
                        .should().dependOnClassesThat().resideInAPackage(basePackage + "..web.."));
    }
}
