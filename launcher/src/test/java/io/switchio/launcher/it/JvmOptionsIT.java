package io.switchio.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.launcher.testing.LauncherProcess;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code bin/switchio} script's JVM options: the ZGC unless {@code SWITCHIO_JAVA_OPTS} is set
 * (even to nothing), in which case exactly the user's options apply; the commands that serve calls
 * also get a fixed heap touched at start. The JVM reports its collector and heap through
 * {@code -Xlog:gc,gc+init}, passed in {@code JAVA_TOOL_OPTIONS} so the script's own choice is left
 * alone.
 */
class JvmOptionsIT {

    private static LauncherProcess listApps(String javaOpts) throws Exception {
        return script(javaOpts, "list-apps");
    }

    private static LauncherProcess script(String javaOpts, String... args) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHIO_JAVA_OPTS", javaOpts);
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:gc,gc+init:stderr -Xshare:auto -XX:TieredStopAtLevel=1");
        return LauncherProcess.runScript(env, args);
    }

    private static String line(String log, String label) {
        return log.lines().filter(l -> l.contains("] " + label + ":")).findFirst().orElse(label + " not logged");
    }

    @Test
    void commandsThatServeCallsGetAFixedHeapTouchedAtStart() throws Exception {
        LauncherProcess serve = script(null, "serve", "--help");
        assertEquals(0, serve.exitCode(), serve.stderr());
        String log = serve.stderr();
        assertTrue(log.contains("Using The Z Garbage Collector"), log);
        assertTrue(line(log, "Pre-touch").endsWith("Enabled"), log);
        String initial = line(log, "Initial Capacity");
        String max = line(log, "Max Capacity");
        assertEquals(initial.substring(initial.indexOf(':') + 1), max.substring(max.indexOf(':') + 1), log);
    }

    @Test
    void otherCommandsStartWithoutTouchingTheHeap() throws Exception {
        LauncherProcess list = listApps(null);
        assertEquals(0, list.exitCode(), list.stderr());
        assertTrue(line(list.stderr(), "Pre-touch").endsWith("Disabled"), list.stderr());
    }

    @Test
    void withoutSwitchioJavaOptsTheScriptRunsOnZgc() throws Exception {
        LauncherProcess p = listApps(null);
        assertEquals(0, p.exitCode(), p.stderr());
        assertTrue(p.stderr().contains("Using The Z Garbage Collector"), p.stderr());
    }

    @Test
    void switchioJavaOptsReplaceTheDefault_evenWhenEmpty() throws Exception {
        LauncherProcess serial = listApps("-XX:+UseSerialGC");
        assertEquals(0, serial.exitCode(), serial.stderr());
        assertTrue(serial.stderr().contains("Using Serial"), serial.stderr());
        LauncherProcess empty = listApps("");
        assertEquals(0, empty.exitCode(), empty.stderr());
        assertFalse(empty.stderr().contains("Using The Z Garbage Collector"), empty.stderr());
    }
}
