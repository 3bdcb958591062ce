package io.switchio.launcher.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.launcher.testing.RepoRoot;
import io.switchio.launcher.testing.TemplatePom;
import io.switchio.spi.SpiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template plugin's own Maven build (which the suite does not run) declares what the launcher
 * reads and what the IT's jar of the template carries: the three manifest entries, the services
 * file, and only the SPI as a provided dependency of the current version.
 */
class TemplatePomTest {

    @Test
    void thePomWritesTheManifestEntriesTheLauncherReads() throws IOException {
        TemplatePom pom = TemplatePom.read(TemplatePom.folder());
        Map<String, String> entries = pom.manifestEntries();
        assertEquals(List.of(PluginJar.ID_ATTRIBUTE, PluginJar.VERSION_ATTRIBUTE, SpiVersion.MANIFEST_ATTRIBUTE),
                List.copyOf(entries.keySet()), "the maven-jar-plugin's manifestEntries");
        assertEquals("hello", entries.get(PluginJar.ID_ATTRIBUTE));
        assertEquals(pom.version(), entries.get(PluginJar.VERSION_ATTRIBUTE));
        assertEquals(SpiVersion.CURRENT, entries.get(SpiVersion.MANIFEST_ATTRIBUTE), "built against the SPI this launcher runs");
    }

    @Test
    void thePomDependsOnTheCurrentSpiOnlyAndShipsTheServicesFile() throws IOException {
        TemplatePom pom = TemplatePom.read(TemplatePom.folder());
        assertEquals(List.of("io.switchio:switchio-spi:provided"), pom.dependencies());
        String rootPom = Files.readString(RepoRoot.find().resolve("pom.xml"));
        assertTrue(rootPom.contains("<version>" + pom.property("switchio.version") + "</version>"),
                "the template compiles against this checkout's SPI version " + pom.property("switchio.version"));
        Path services = TemplatePom.folder().resolve("src/main/resources/META-INF/services/io.switchio.spi.AppProvider");
        List<String> providers = Files.readAllLines(services).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals(1, providers.size(), "one provider: " + providers);
        Path source = TemplatePom.folder().resolve("src/main/java/" + providers.get(0).replace('.', '/') + ".java");
        assertTrue(Files.isRegularFile(source), "the services file names a class of the template: " + source);
    }

    @Test
    void unresolvablePropertiesAndMissingEntriesWouldBeNoticed() throws IOException {
        Path dir = Files.createTempDirectory("template-pom");
        Files.writeString(dir.resolve("pom.xml"), """
                <project><groupId>g</groupId><artifactId>a</artifactId><version>2.0</version>
                  <build><plugins><plugin><artifactId>maven-jar-plugin</artifactId><configuration><archive><manifestEntries>
                    <Switchio-Plugin-Id>${nope}</Switchio-Plugin-Id>
                  </manifestEntries></archive></configuration></plugin></plugins></build></project>
                """);
        TemplatePom bad = TemplatePom.read(dir);
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, bad::manifestEntries);
        assertTrue(e.getMessage().contains("${nope}"), e.getMessage());
        assertEquals(List.of(), bad.dependencies());
    }
}
