package io.switchio.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.launcher.testing.LauncherProcess;
import io.switchio.testkit.FreeSwitchSimulator;
import io.switchio.testkit.SimChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher process serving the built-in plugins against the simulator. */
class ServeIT {

    private static final String PASSWORD = "s3cret-pw";

    @TempDir
    Path dir;

    private FreeSwitchSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = FreeSwitchSimulator.builder().port(0).password(PASSWORD).build().start();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private boolean answered(String uuid) {
        return sim.channel(uuid).map(SimChannel::answered).orElse(false);
    }

    @Test
    void tonePlayFromAConfFileAnswersInjectedCallsAndStopsCleanlyOnSigterm() throws Exception {
        Path conf = Files.write(dir.resolve("serve.conf"), List.of("mode = serve", "hosts = 127.0.0.1:" + sim.port(),
                "apps = tone-play", "progress.interval = 200ms", "log.level = debug"));
        try (LauncherProcess p = LauncherProcess.start(Map.of("SWITCHIO_PASSWORD", PASSWORD), "run", conf.toString())) {
            p.awaitStdout("serving \\[tone-play\\] on \\[127\\.0\\.0\\.1:" + sim.port() + "\\]");
            List<String> calls = List.of(sim.injectInboundCall("1000", Map.of()), sim.injectInboundCall("1001", Map.of()),
                    sim.injectInboundCall("1002", Map.of()));
            p.awaitCondition("TonePlay answering the 3 injected calls", () -> calls.stream().allMatch(this::answered));
            p.awaitStdout("answered 3 ");
            p.sigterm();
            assertEquals(143, p.awaitExit(), p.stderr());
            assertTrue(p.stdout().contains("stop requested (signal); stopping"), p.stdout());
            assertTrue(p.stdout().contains("switchio: stopped cleanly"), p.stdout());
            assertTrue(sim.channels().isEmpty(), "our calls were hung up on stop: " + sim.channels());
            assertFalse(p.stdout().contains(PASSWORD) || p.stderr().contains(PASSWORD), "the password leaked:\n" + p.stdout() + p.stderr());
            assertTrue(p.stderr().contains("loaded app tone-play"), "logs go to stderr at the configured level: " + p.stderr());
        }
    }

    @Test
    void proxierBridgesParkedInboundLegsToTheirRequestUriThroughTheirProfile() throws Exception {
        try (LauncherProcess p = LauncherProcess.start(Map.of(), "serve", "127.0.0.1:" + sim.port(), "--app", "proxier",
                "--password", PASSWORD, "--progress", "0", "--for", "60s")) {
            p.awaitStdout("serving \\[proxier\\]");
            // a Request-URI on another host (TEST-NET-1): the B-leg stays up until SIP timer B, long enough to see it
            sim.injectInboundCall("2000", Map.of("sip_req_uri", "2000@192.0.2.10:5060"));
            p.awaitCondition("a B-leg to the Request-URI through the 'external' profile", () -> sim.channels().stream()
                    .anyMatch(c -> c.direction().equals("outbound") && c.name().equals("sofia/external/2000@192.0.2.10:5060")));
            p.sigterm();
            assertEquals(143, p.awaitExit(), p.stderr());
            assertFalse(p.stdout().contains(PASSWORD) || p.stderr().contains(PASSWORD));
        }
    }

    @Test
    void theReadmeCommandServesTheEmbeddedSimulatorAndStopsAfterFor() throws Exception {
        LauncherProcess p = LauncherProcess.run(Map.of(), "serve", "sim", "--app", "tone-play", "--for", "4s",
                "--sim-rate", "10", "--sim-hold", "1s", "--progress", "500ms", "--log-level", "warn");
        assertEquals(0, p.exitCode(), p.stdout() + p.stderr());
        assertTrue(p.stdout().contains("embedded FreeSWITCH simulator listening on 127.0.0.1:"), p.stdout());
        String whileServing = p.stdout().substring(0, p.stdout().indexOf("passed (--for)"));
        Matcher progress = java.util.regex.Pattern.compile("hosts 1/1 up \\| active calls \\d+ \\| answered [1-9]\\d* \\| ended [1-9]").matcher(whileServing);
        assertTrue(progress.find(), "progress lines show calls answered and ended by their callers while serving:\n" + p.stdout());
        assertTrue(p.stdout().contains("4s passed (--for); stopping"), p.stdout());
        assertTrue(p.stdout().strip().endsWith("switchio: stopped cleanly"), p.stdout());
    }

    @Test
    void ctrlCStopsCleanlyWithExit130EvenWhenStartedWithSigintIgnored() throws Exception {
        try (LauncherProcess p = LauncherProcess.startScriptWithSigintIgnored(Map.of(), "serve", "sim", "--app", "tone-play",
                "--sim-rate", "5", "--sim-hold", "0", "--progress", "200ms")) {
            p.awaitStdout("answered [1-9]");
            p.sigint();
            assertEquals(130, p.awaitExit(), p.stdout() + p.stderr());
            String out = p.stdout();
            assertTrue(out.contains("switchio: stop requested (signal); stopping"), out);
            assertTrue(out.matches("(?s).*\\] final: hosts 1/1 up \\| active calls \\d+ \\| answered [1-9]\\d* \\| ended [1-9].*"),
                    "the calls up at Ctrl-C were hung up (callers never hang up with --sim-hold 0):\n" + out);
            assertEquals(1, out.split("final:", -1).length - 1, "one final progress line:\n" + out);
            assertTrue(out.strip().endsWith("switchio: stopped cleanly"), out);
            assertEquals("", p.stderr().strip(), "no log lines at the default level (warn) on a clean run");
        }
    }

    @Test
    void theFinalLineIsPrintedOnceWhenForEndsOnAProgressTickAndSpecValuesKeepTheirCommas() throws Exception {
        LauncherProcess p = LauncherProcess.run(Map.of(), "serve", "sim", "--app", "tone-play/tone=%(300,0,440),loops=2",
                "--for", "2s", "--progress", "1s", "--log-level", "info");
        assertEquals(0, p.exitCode(), p.stdout() + p.stderr());
        List<String> lines = p.stdout().lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.contains("final:")).count(), p.stdout());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("[  2s] hosts")), "no periodic line at the deadline:\n" + p.stdout());
        assertTrue(p.stderr().contains("loaded app tone-play"), "--log-level info brings the app loads back: " + p.stderr());
        assertTrue(p.stderr().contains("tone=%(300,0,440)"), "a value with commas reaches the app whole: " + p.stderr());
    }
}
