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
import io.switchio.launcher.badexample.ReachesIntoTheKernel;
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

    /**
     * The launcher and the plugins reach the kernel only through its facade package
     * {@code io.switchio.kernel} ({@code Kernel} and its builder), never through
     * {@code kernel.protocol}, {@code .transport}, {@code .model} or other internals.
     */
    static final ArchRule ONLY_THE_KERNEL_FACADE = noClasses().that().resideInAnyPackage("io.switchio.launcher..", "io.switchio.plugins..")
            .should().dependOnClassesThat().resideInAPackage("io.switchio.kernel.(*)..")
            .because("the kernel's internals may change; io.switchio.kernel is its public face");

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
    void launcherAndPluginsUseOnlyTheKernelFacade() {
        JavaClasses classes = production();
        assertTrue(classes.contain("io.switchio.launcher.serve.ServeRun") && classes.contain("io.switchio.kernel.Kernel"),
                "launcher and kernel are on the test class path");
        ONLY_THE_KERNEL_FACADE.check(classes);
    }

    @Test
    void theFacadeRuleCatchesAClassReachingIntoKernelInternals() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> ONLY_THE_KERNEL_FACADE.check(new ClassFileImporter().importClasses(ReachesIntoTheKernel.class)));
        assertTrue(e.getMessage().contains("io.switchio.kernel.protocol.ApiCommand"), e.getMessage());
        ONLY_THE_KERNEL_FACADE.check(new ClassFileImporter().importClasses(io.switchio.launcher.serve.ServeRun.class));
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
