package io.switchio.launcher.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.launcher.ExitCode;
import io.switchio.launcher.LauncherException;
import io.switchio.launcher.testing.PluginJarBuilder;
import io.switchio.spi.AppProvider;
import io.switchio.spi.SpiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    @TempDir
    Path dir;

    private PluginRegistry load() {
        return new PluginLoader(getClass().getClassLoader()).load(List.of(dir));
    }

    private static PluginJarBuilder good(String pkg, String id) {
        return new PluginJarBuilder(id + "-plugin", "2.3.4").provider(pkg + ".P", PluginJarBuilder.simpleProvider(pkg + ".P", id, "does " + id));
    }

    private static AppEntry entry(PluginRegistry r, String id) {
        return r.entries().stream().filter(e -> e.appId().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in " + r.entries()));
    }

    @Test
    void loadsAnAppWithItsManifestDescriptionAndParameters() throws IOException {
        good("a", "alpha").build(dir.resolve("alpha.jar"));
        try (PluginRegistry r = load()) {
            AppEntry e = entry(r, "alpha");
            assertTrue(e.isLoaded(), e.status());
            assertEquals("alpha-plugin", e.plugin().id());
            assertEquals("2.3.4", e.plugin().version());
            assertEquals("does alpha", e.description());
            assertEquals("delay", e.parameters().getFirst().name());
            assertEquals("loaded", e.status());
            assertFalse(r.hasFailures());
            PluginRegistry.ResolvedApp app = r.resolve(AppSpec.parse("alpha/delay=250ms"));
            assertEquals("250ms", app.parameters().getString("delay"));
            // the provider implements the launcher's own SPI interface: the SPI came from the parent
            assertTrue(app.provider() instanceof AppProvider);
            assertNotEquals(getClass().getClassLoader(), app.provider().getClass().getClassLoader());
        }
    }

    @Test
    void aJarThatThrowsIsFailedWithItsCauseAndTheOthersStillLoad() throws IOException {
        good("a", "alpha").build(dir.resolve("a.jar"));
        new PluginJarBuilder("broken", "1.0").provider("b.P", """
                package b;
                public final class P implements io.switchio.spi.AppProvider {
                  public P() { throw new IllegalStateException("no licence file"); }
                  public String id() { return "broken"; }
                  public String description() { return ""; }
                  public Object create() { return null; }
                }""").build(dir.resolve("b.jar"));
        good("c", "gamma").build(dir.resolve("c.jar"));
        try (PluginRegistry r = load()) {
            AppEntry broken = entry(r, "broken");
            assertFalse(broken.isLoaded());
            assertTrue(broken.failure().contains("no licence file"), broken.failure());
            assertTrue(entry(r, "alpha").isLoaded());
            assertTrue(entry(r, "gamma").isLoaded());
            assertTrue(r.hasFailures());
            LauncherException e = assertThrows(LauncherException.class, () -> r.resolve(AppSpec.parse("broken")));
            assertEquals(ExitCode.PLUGIN, e.exitCode());
            assertTrue(e.getMessage().contains("no licence file"), e.getMessage());
        }
    }

    @Test
    void duplicateIdsAreRefusedNamingBothJars() throws IOException {
        good("a", "same").build(dir.resolve("one.jar"));
        good("b", "same").build(dir.resolve("two.jar"));
        try (PluginRegistry r = load()) {
            List<AppEntry> same = r.entries().stream().filter(e -> e.appId().equals("same")).toList();
            assertEquals(2, same.size());
            for (AppEntry e : same) {
                assertFalse(e.isLoaded());
                assertTrue(e.failure().contains(dir.resolve("one.jar").toString()) && e.failure().contains(dir.resolve("two.jar").toString()), e.failure());
            }
        }
    }

    @Test
    void blankAndMalformedIdsAreRefused() throws IOException {
        new PluginJarBuilder("blank", "1").provider("a.P", PluginJarBuilder.simpleProvider("a.P", " ", "x")).build(dir.resolve("blank.jar"));
        new PluginJarBuilder("bad", "1").provider("b.P", PluginJarBuilder.simpleProvider("b.P", "has space", "x")).build(dir.resolve("bad.jar"));
        try (PluginRegistry r = load()) {
            assertEquals(2, r.entries().size());
            assertTrue(r.entries().stream().noneMatch(AppEntry::isLoaded));
            String blank = r.entries().stream().filter(e -> e.plugin().id().equals("blank")).findFirst().orElseThrow().failure();
            String bad = r.entries().stream().filter(e -> e.plugin().id().equals("bad")).findFirst().orElseThrow().failure();
            assertTrue(blank.contains("blank id"), blank);
            assertTrue(bad.contains("'has space'"), bad);
        }
    }

    @Test
    void anIncompatibleSpiVersionIsRefusedWithBothVersions() throws IOException {
        good("a", "future").manifest(SpiVersion.MANIFEST_ATTRIBUTE, "9.0").build(dir.resolve("future.jar"));
        good("b", "anonymous").manifest(SpiVersion.MANIFEST_ATTRIBUTE, null).build(dir.resolve("anonymous.jar"));
        try (PluginRegistry r = load()) {
            assertEquals("built against SPI 9.0, running " + SpiVersion.CURRENT, entry(r, "future-plugin").failure());
            assertTrue(entry(r, "anonymous-plugin").failure().contains(SpiVersion.MANIFEST_ATTRIBUTE), entry(r, "anonymous-plugin").failure());
        }
    }

    @Test
    void aLinkageErrorReadsBuiltAgainstRunning() throws IOException {
        new PluginJarBuilder("linky", "1.0")
                .source("l.Missing", "package l; public final class Missing { public static String id() { return \"linky\"; } }")
                .provider("l.P", """
                        package l;
                        public final class P implements io.switchio.spi.AppProvider {
                          public String id() { return Missing.id(); }
                          public String description() { return ""; }
                          public Object create() { return null; }
                        }""")
                .leaveOut("l.Missing")
                .build(dir.resolve("linky.jar"));
        try (PluginRegistry r = load()) {
            String why = entry(r, "linky").failure();
            assertTrue(why.startsWith("built against SPI " + SpiVersion.CURRENT + ", running " + SpiVersion.CURRENT + ": java.lang.NoClassDefFoundError"), why);
        }
    }

    @Test
    void aVirtualMachineErrorIsNeverSwallowed() throws IOException {
        new PluginJarBuilder("oom", "1.0").provider("o.P", """
                package o;
                public final class P implements io.switchio.spi.AppProvider {
                  public P() { throw new OutOfMemoryError("simulated"); }
                  public String id() { return "oom"; }
                  public String description() { return ""; }
                  public Object create() { return null; }
                }""").build(dir.resolve("oom.jar"));
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, this::load);
        assertEquals("simulated", e.getMessage());
    }

    @Test
    void twoPluginsMayBundleDifferentVersionsOfALibrary() throws IOException {
        for (String v : List.of("1", "2")) {
            new PluginJarBuilder("lib" + v, v)
                    .source("com.example.lib.Lib", "package com.example.lib; public final class Lib { public static String version() { return \"lib-" + v + "\"; } }")
                    .provider("p" + v + ".P", """
                            package p%s;
                            public final class P implements io.switchio.spi.AppProvider {
                              public String id() { return "user%s"; }
                              public String description() { return com.example.lib.Lib.version(); }
                              public Object create() { return null; }
                            }""".formatted(v, v))
                    .build(dir.resolve("lib" + v + ".jar"));
        }
        try (PluginRegistry r = load()) {
            assertEquals("lib-1", entry(r, "user1").description());
            assertEquals("lib-2", entry(r, "user2").description());
        }
    }

    @Test
    void unreadableJarsAndJarsWithoutAppsAreFailed() throws IOException {
        Files.writeString(dir.resolve("garbage.jar"), "not a zip");
        new PluginJarBuilder("empty", "1.0").source("e.Nothing", "package e; class Nothing {}").build(dir.resolve("empty.jar"));
        good("a", "alpha").build(dir.resolve("fine.jar"));
        try (PluginRegistry r = load()) {
            assertTrue(entry(r, "garbage").failure().startsWith("cannot read the jar"), entry(r, "garbage").failure());
            assertTrue(entry(r, "empty").failure().startsWith("has no app"), entry(r, "empty").failure());
            assertTrue(entry(r, "alpha").isLoaded());
        }
    }

    @Test
    void unknownAppsAndBadParametersAreNamed() throws IOException {
        good("a", "alpha").build(dir.resolve("alpha.jar"));
        try (PluginRegistry r = load()) {
            LauncherException unknown = assertThrows(LauncherException.class, () -> r.resolve(AppSpec.parse("beta")));
            assertEquals(ExitCode.PLUGIN, unknown.exitCode());
            assertTrue(unknown.getMessage().contains("unknown app 'beta'") && unknown.getMessage().contains("available: alpha"), unknown.getMessage());
            IllegalArgumentException badName = assertThrows(IllegalArgumentException.class, () -> r.resolve(new AppSpec("alpha", Map.of("dealy", "1s"))));
            assertTrue(badName.getMessage().contains("no parameter 'dealy'"), badName.getMessage());
            IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class, () -> r.resolve(AppSpec.parse("alpha/delay=soon")));
            assertTrue(badValue.getMessage().contains("'soon' is not a duration"), badValue.getMessage());
        }
    }

    @Test
    void aMissingFolderIsAConfError() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> new PluginLoader(getClass().getClassLoader()).load(List.of(dir.resolve("nope"))));
        assertEquals(ExitCode.CONF, e.exitCode());
    }
}
