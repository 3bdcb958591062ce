package io.switchio.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.launcher.testing.LauncherProcess;
import io.switchio.launcher.testing.PluginJarBuilder;
import io.switchio.launcher.testing.RepoRoot;
import io.switchio.launcher.testing.TemplatePom;
import io.switchio.spi.SpiVersion;
import io.switchio.testkit.FreeSwitchSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher on plugin folders with broken jars, and on the third-party template plugin. */
class PluginsIT {

    @TempDir
    Path dir;

    @Test
    void listAppsReportsBrokenDuplicateAndMismatchedPluginsAndStillLoadsTheRest() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (Stream<Path> builtIn = Files.list(LauncherProcess.dist().resolve("plugins"))) {
            for (Path jar : builtIn.toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        new PluginJarBuilder("broken", "0.9").provider("b.P", """
                package b;
                public final class P implements io.switchio.spi.AppProvider {
                  static { if (true) throw new IllegalStateException("config file missing"); }
                  public String id() { return "broken"; }
                  public String description() { return ""; }
                  public Object create() { return null; }
                }""").build(plugins.resolve("broken.jar"));
        new PluginJarBuilder("copycat", "1.0").provider("c.P", PluginJarBuilder.simpleProvider("c.P", "tone-play", "a second tone-play"))
                .build(plugins.resolve("copycat.jar"));
        new PluginJarBuilder("future", "3.0").provider("f.P", PluginJarBuilder.simpleProvider("f.P", "future", "needs a newer SPI"))
                .manifest(SpiVersion.MANIFEST_ATTRIBUTE, "1.0").build(plugins.resolve("future.jar"));

        LauncherProcess p = LauncherProcess.run(Map.of(), "list-apps", "--plugins", plugins.toString());
        String out = p.stdout();
        assertEquals(4, p.exitCode(), out + p.stderr());
        assertTrue(out.startsWith("1 app(s) loaded from 5 plugin jar(s)"), out);
        assertTrue(out.contains("proxier  [loaded]"), out);
        assertTrue(out.contains("plugin: proxier 1.0.0 (" + plugins.resolve("switchio-plugin-proxier-1.0.0.jar") + ")"), out);
        assertTrue(out.contains("broken  [failed: threw while loading:") && out.contains("config file missing"), out);
        assertTrue(out.contains("[failed: app id 'tone-play' is provided by more than one jar: " + plugins.resolve("copycat.jar")
                + " and " + plugins.resolve("switchio-plugin-tone-play-1.0.0.jar") + "]"), out);
        assertTrue(out.contains("future  [failed: built against SPI 1.0, running " + SpiVersion.CURRENT + "]"), out);
        assertTrue(p.stderr().contains("WARN"), "refusals are logged on stderr: " + p.stderr());
    }

    @Test
    void theTemplatePluginBuildsAndServesCallsThroughTheRealLauncher() throws Exception {
        Path template = RepoRoot.find().resolve("plugins/example-app-template");
        String pom = Files.readString(template.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>switchio-spi</artifactId>") && pom.contains("<scope>provided</scope>"), pom);
        assertEquals(1, count(pom, "<dependency>"), "the template depends on switchio-spi only");
        Path plugins = Files.createDirectories(dir.resolve("my-plugins"));
        TemplatePom templatePom = TemplatePom.read(template);
        Path jar = buildTemplate(template, templatePom, plugins.resolve("hello-app-" + templatePom.version() + ".jar"));

        LauncherProcess list = LauncherProcess.run(Map.of(), "list-apps", "--plugins", plugins.toString());
        assertEquals(0, list.exitCode(), list.stdout() + list.stderr());
        assertTrue(list.stdout().contains("hello  [loaded]"), list.stdout());
        assertTrue(list.stdout().contains("plugin: hello 1.0.0 (" + jar + ")"), list.stdout());
        assertTrue(list.stdout().contains("hold  duration  default '2s'"), list.stdout());

        try (FreeSwitchSimulator sim = FreeSwitchSimulator.builder().port(0).password("tpl").build().start();
                LauncherProcess p = LauncherProcess.start(Map.of("SWITCHIO_PASSWORD", "tpl"), "serve", "127.0.0.1:" + sim.port(),
                        "--plugins", plugins.toString(), "--app", "hello/hold=1s", "--progress", "250ms")) {
            p.awaitStdout("serving \\[hello\\]");
            String uuid = sim.injectInboundCall("3000", Map.of());
            p.awaitCondition("hello answering the call", () -> sim.channel(uuid).map(c -> c.answered()).orElse(false));
            p.awaitCondition("hello hanging the call up after hold=1s", () -> sim.channel(uuid).isEmpty());
            p.awaitStdout("answered 1 \\| ended 1 \\| failed 0");
            p.sigterm();
            assertEquals(143, p.awaitExit(), p.stderr());
            assertTrue(p.stdout().contains("switchio: stopped cleanly"), p.stdout());
        }
    }

    /**
     * Compiles the template's sources against the SPI with javax.tools and writes the jar its pom
     * describes: the manifest entries are the ones the pom's maven-jar-plugin declares
     * ({@code TemplatePomTest} checks those are what the launcher reads).
     */
    private Path buildTemplate(Path template, TemplatePom pom, Path jar) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("template-classes"));
        List<Path> sources;
        try (Stream<Path> s = Files.walk(template.resolve("src/main/java"))) {
            sources = s.filter(f -> f.toString().endsWith(".java")).toList();
        }
        PluginJarBuilder.compile(sources, classes);
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        pom.manifestEntries().forEach(mf.getMainAttributes()::putValue);
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
            for (Path root : List.of(classes, template.resolve("src/main/resources"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(f));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
