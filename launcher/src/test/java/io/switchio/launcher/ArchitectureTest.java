package io.switchio.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.switchio.plugins.badexample.BadPlugin;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the launcher and the built-in plugins, each also shown failing on a
 * deliberately bad class so a rule that can never fail would be noticed.
 */
class ArchitectureTest {

    /** Plugins see the SPI and the JDK only: never the kernel, the launcher or the testkit. */
    static final ArchRule PLUGINS_DEPEND_ONLY_ON_SPI = classes().that().resideInAPackage("io.switchio.plugins..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.switchio.spi..", "io.switchio.plugins..", "java..")
            .because("a plugin jar is loaded with only the SPI from the launcher's class loader");

    /**
     * Only the launcher (the CLI) writes to stdout/stderr; everything else logs. The one exemption
     * is the testkit's standalone {@code SimulatorMain}, a command-line entry point of its own
     * ({@code switchio simulate} is the launcher's equivalent).
     */
    static final ArchRule NO_CONSOLE_OUTSIDE_LAUNCHER = noClasses().that().resideOutsideOfPackage("io.switchio.launcher..")
            .and().doNotHaveFullyQualifiedName("io.switchio.testkit.SimulatorMain")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("logs go through SLF4J; only the CLI prints");

    /** Nothing depends on the plugins: they are loaded by id, never linked. */
    static final ArchRule NOTHING_LINKS_PLUGINS = noClasses().that().resideOutsideOfPackage("io.switchio.plugins..")
            .should().dependOnClassesThat().resideInAPackage("io.switchio.plugins..");

    private static JavaClasses production() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.switchio");
    }

    @Test
    void builtInPluginsDependOnlyOnTheSpi() {
        JavaClasses classes = production();
        assertTrue(classes.containPackage("io.switchio.plugins.toneplay") && classes.containPackage("io.switchio.plugins.proxier"),
                "the built-in plugins are on the test class path");
        PLUGINS_DEPEND_ONLY_ON_SPI.check(classes);
    }

    @Test
    void onlyTheLauncherPrints() {
        NO_CONSOLE_OUTSIDE_LAUNCHER.check(production());
    }

    @Test
    void nothingLinksAgainstPlugins() {
        NOTHING_LINKS_PLUGINS.check(production());
    }

    @Test
    void eachRuleCatchesADeliberatelyBadClass() {
        JavaClasses bad = new ClassFileImporter().importClasses(BadPlugin.class);
        AssertionError spi = assertThrows(AssertionError.class, () -> PLUGINS_DEPEND_ONLY_ON_SPI.check(bad));
        assertTrue(spi.getMessage().contains("io.switchio.launcher.ExitCode"), spi.getMessage());
        AssertionError console = assertThrows(AssertionError.class, () -> NO_CONSOLE_OUTSIDE_LAUNCHER.check(bad));
        assertTrue(console.getMessage().contains("System.out"), console.getMessage());
        JavaClasses linker = new ClassFileImporter().importClasses(LinksAPlugin.class, BadPlugin.class);
        assertThrows(AssertionError.class, () -> NOTHING_LINKS_PLUGINS.check(linker));
        assertFalse(bad.isEmpty());
    }

    /** A deliberately bad non-plugin class that links a plugin class. */
    static final class LinksAPlugin {
        BadPlugin plugin = new BadPlugin();
    }
}
