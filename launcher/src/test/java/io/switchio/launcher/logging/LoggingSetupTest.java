package io.switchio.launcher.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.slf4j.bridge.SLF4JBridgeHandler;

class LoggingSetupTest {

    @Test
    void routesJulIntoSlf4jAtTheChosenLevelOnStderr() {
        new LoggingSetup("DEBUG").install();
        assertEquals("debug", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
        assertEquals("System.err", System.getProperty("org.slf4j.simpleLogger.logFile"));
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        assertEquals(Level.FINE, root.getLevel());
        assertTrue(SLF4JBridgeHandler.isInstalled());
        assertEquals(1, root.getHandlers().length, Arrays.toString(root.getHandlers()));
    }
}
