package org.baomi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** House rules of Baomi's code base, checked on every build (house style: shape, security, tests). */
class HouseRulesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.baomi");
    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.baomi");

    @Test
    void noFieldInjection() {
        ArchRule rule = fields().should().notBeAnnotatedWith(Autowired.class)
                .because("dependencies are constructor-injected (house style: no field injection)");
        rule.check(MAIN);
    }

    @Test
    void controllersDoNotTouchRepositories() {
        ArchRule rule = noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("controllers are thin: they call a module API, which checks access and audits");
        rule.check(MAIN);
    }

    @Test
    void internalCodeDoesNotDependOnTheWebLayer() {
        ArchRule rule = noClasses().that().resideInAPackage("org.baomi.(*).internal..")
                .should().dependOnClassesThat().resideInAPackage("org.baomi.(*).web..")
                .because("the web layer sits on top of a module's API and internals, never below them");
        rule.check(MAIN);
    }

    @Test
    void nothingPrintsToTheConsoleOrStackTraces() {
        ArchRule rule = noClasses().should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("logs go through SLF4J, where they can be kept free of secrets and carry a trace id");
        rule.check(MAIN);
    }

    @Test
    void testsNeverSleep() {
        ArchRule rule = noClasses().should().callMethod(Thread.class, "sleep", long.class)
                .because("time-dependent rules are tested by moving the injected clock (house style)");
        rule.check(TESTS);
    }

    @Test
    void codeDoesNotUseTheSystemClockDirectly() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.baomi.shared.internal..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .because("every time-dependent rule uses the injected Clock so that tests can move time");
        rule.check(MAIN);
    }
}
