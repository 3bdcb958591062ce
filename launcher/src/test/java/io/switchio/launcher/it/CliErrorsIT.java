package io.switchio.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.launcher.testing.LauncherProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher process refusing bad input before it connects anywhere. */
class CliErrorsIT {

    @TempDir
    Path dir;

    @Test
    void aBadConfFileExits3NamingFileLineAndKey() throws Exception {
        Path conf = Files.write(dir.resolve("bad.conf"), List.of("# a serve", "hosts = sim", "apps = tone-play", "sim.arrivals = many"));
        LauncherProcess p = LauncherProcess.run(Map.of(), "run", conf.toString());
        assertEquals(3, p.exitCode(), p.stdout() + p.stderr());
        assertEquals("switchio: " + conf + ":4: key 'sim.arrivals': 'many' is not a number", p.stderr().strip());
        assertEquals("", p.stdout());
    }

    @Test
    void aBadAppSpecExits2AndAMissingPasswordExits3() throws Exception {
        LauncherProcess spec = LauncherProcess.run(Map.of(), "serve", "sim", "--app", "tone-play/loops=forever");
        assertEquals(2, spec.exitCode(), spec.stdout() + spec.stderr());
        assertTrue(spec.stderr().contains("switchio: --app tone-play/loops=forever: app 'tone-play' parameter 'loops': 'forever' is not an integer"),
                spec.stderr());
        LauncherProcess password = LauncherProcess.run(Map.of(), "serve", "127.0.0.1:8021", "--app", "tone-play");
        assertEquals(3, password.exitCode(), password.stdout() + password.stderr());
        assertTrue(password.stderr().contains("no ESL password for [127.0.0.1:8021]"), password.stderr());
    }
}
