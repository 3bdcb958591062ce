package io.switchio.kernel.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The dependency and coding rules of style.md, checked against the production classes of spi and
 * kernel, and each shown to fail on a deliberately bad fixture (so none of them passes vacuously).
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.switchio.spi", "io.switchio.kernel");

    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importPackages("io.switchio.kernel.architecture.fixtures");

    @Test
    void productionClassesWereImported() {
        assertTrue(PRODUCTION.contain("io.switchio.spi.Session"));
        assertTrue(PRODUCTION.contain("io.switchio.kernel.Kernel"));
        assertFalse(PRODUCTION.contain("io.switchio.kernel.architecture.fixtures.PrintsToStdout"));
    }

    @Test
    void spiDependsOnlyOnJava() {
        ArchitectureRules.onlyJava("io.switchio.spi..").check(PRODUCTION);
    }

    @Test
    void kernelNeverDependsOnLauncherOrPlugins() {
        ArchitectureRules.noLauncherOrPlugins("io.switchio.kernel..").check(PRODUCTION);
    }

    @Test
    void kernelPackagesAreFreeOfCycles() {
        ArchitectureRules.noCycles("io.switchio.kernel").check(PRODUCTION);
    }

    @Test
    void noKernelLayerDependsOnTheFacade() {
        ArchitectureRules.facadeOnTop("io.switchio.kernel").check(PRODUCTION);
    }

    @Test
    void spiAndKernelNeverUseStandardStreams() {
        ArchitectureRules.noStandardStreams("io.switchio.spi..", "io.switchio.kernel..").check(PRODUCTION);
    }

    @Test
    void eachRuleCatchesItsBadFixture() {
        assertViolation(ArchitectureRules.onlyJava("io.switchio.kernel.architecture.fixtures.spi..").evaluate(FIXTURES),
                "UsesNonJava", "org.slf4j.LoggerFactory");
        assertViolation(ArchitectureRules.noLauncherOrPlugins("io.switchio.kernel.architecture.fixtures..").evaluate(FIXTURES),
                "UsesLauncher", "FakeLauncherType");
        assertViolation(ArchitectureRules.noCycles("io.switchio.kernel.architecture.fixtures.cycle").evaluate(FIXTURES),
                "cycle", "A");
        assertViolation(ArchitectureRules.facadeOnTop("io.switchio.kernel.architecture.fixtures.cycle").evaluate(FIXTURES),
                "UsesFacade", "Facade");
        assertViolation(ArchitectureRules.noStandardStreams("io.switchio.kernel.architecture.fixtures..").evaluate(FIXTURES),
                "PrintsToStdout", "System.out");
    }

    private static void assertViolation(EvaluationResult result, String... mentions) {
        assertTrue(result.hasViolation(), "the rule should have failed");
        String report = result.getFailureReport().toString();
        for (String m : mentions) {
            assertTrue(report.contains(m), "report should mention " + m + ": " + report);
        }
    }
}
