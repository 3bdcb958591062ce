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
 * (even to nothing), in which case exactly the user's options apply. The JVM reports its
 * collector through {@code -Xlog:gc}, passed in {@code JAVA_TOOL_OPTIONS} so the script's own
 * choice is left alone.
 */
class JvmOptionsIT {

    private static LauncherProcess listApps(String javaOpts) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHIO_JAVA_OPTS", javaOpts);
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:gc:stderr -Xshare:auto -XX:TieredStopAtLevel=1");
        return LauncherProcess.runScript(env, "list-apps");
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
