package cn.gov.eco.enforcement;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** STYLE.md 1–2: packages by feature; the domain model is plain Java; the web layer does not reach into storage. */
@AnalyzeClasses(packages = "cn.gov.eco.enforcement", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "tools.jackson..", "com.fasterxml..", "jakarta.servlet..")
            .because("the domain model is plain Java (STYLE.md 2)");

    @ArchTest
    static final ArchRule modelDoesNotReadTheClock = noClasses().that().resideInAPackage("..model..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .because("time comes from an injected Clock (STYLE.md 2)");

    @ArchTest
    static final ArchRule modelDoesNotDependOnOuterLayers = noClasses().that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.gov.eco.enforcement..application..", "cn.gov.eco.enforcement..infrastructure..",
                    "cn.gov.eco.enforcement..web..");

    @ArchTest
    static final ArchRule applicationDoesNotDependOnWeb = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAPackage("cn.gov.eco.enforcement..web..");
}
