package io.switchio.kernel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The architecture rules, each parameterised by the packages it guards so the same rule can be
 * checked against production code and against the deliberately bad fixtures.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Classes in {@code pkg} depend only on java.* (and their own package). */
    static ArchRule onlyJava(String pkg) {
        return classes().that().resideInAPackage(pkg)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", pkg)
                .because("the SPI is what plugins compile against: java.base only");
    }

    /** Classes in {@code pkg} never depend on the launcher or the plugins. */
    static ArchRule noLauncherOrPlugins(String pkg) {
        return noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat().resideInAnyPackage("io.switchio.launcher..", "io.switchio.plugins..")
                .because("dependencies point one way: launcher and plugins -> kernel/spi");
    }

    /** The sub-packages of {@code prefix} form no cycle. */
    static ArchRule noCycles(String prefix) {
        return slices().matching(prefix + ".(*)..").should().beFreeOfCycles();
    }

    /** No sub-package of {@code prefix} depends on {@code prefix} itself (the facade sits on top). */
    static ArchRule facadeOnTop(String prefix) {
        return noClasses().that().resideInAPackage(prefix + ".*..")
                .should().dependOnClassesThat().resideInAPackage(prefix)
                .because("the facade package uses the layers below it, never the other way round");
    }

    /** Classes in the packages never touch System.out or System.err. */
    static ArchRule noStandardStreams(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("only the launcher talks to the console; the kernel logs through SLF4J");
    }
}
