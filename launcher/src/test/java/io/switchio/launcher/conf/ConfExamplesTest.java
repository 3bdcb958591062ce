package io.switchio.launcher.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.launcher.testing.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConfExamplesTest {

    private final Path conf = RepoRoot.find().resolve("conf");

    @Test
    void everyExampleConfFileIsValid() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(conf)) {
            files = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertTrue(files.size() >= 4, files.toString());
        for (Path f : files) {
            LaunchSettings s = new SettingsBuilder(Path.of("/home")).applyConf(ConfFile.parse(f))
                    .build(Map.of(SettingsBuilder.PASSWORD_ENV, "pw"));
            assertTrue(!s.hosts().isEmpty(), f.toString());
        }
        LaunchSettings sim = new SettingsBuilder(Path.of("/home")).applyConf(ConfFile.parse(conf.resolve("serve-sim.conf"))).build(Map.of());
        assertTrue(sim.usesSimulator());
        assertEquals(LaunchSettings.Mode.DIAL,
                new SettingsBuilder(Path.of("/home")).applyConf(ConfFile.parse(conf.resolve("dial.conf"))).build(Map.of("SWITCHIO_PASSWORD", "x")).mode());
    }

    @Test
    void theReadmeDocumentsEveryKeyWithItsDefault() throws IOException {
        String readme = Files.readString(conf.resolve("README.md"));
        for (ConfKey k : ConfKey.values()) {
            String row = "| `" + k.key() + "` | " + (k.defaultValue() == null ? "(none)" : "`" + k.defaultValue() + "`") + " |";
            assertTrue(readme.contains(row), "conf/README.md lacks the row " + row);
        }
        assertTrue(Files.readString(conf.resolve("switchiodp.xml")).contains("<action application=\"park\"/>"));
    }
}
