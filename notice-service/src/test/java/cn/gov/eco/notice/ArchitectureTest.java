package cn.gov.eco.notice;

import cn.gov.eco.testsupport.ServiceArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void shouldKeepTheModelPlainAndTheLayersInOrder() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.gov.eco.notice");
        ServiceArchitecture.rules("cn.gov.eco.notice").forEach(rule -> rule.check(classes));
    }
}
