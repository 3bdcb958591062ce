package io.switchio.launcher.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.launcher.ExitCode;
import io.switchio.launcher.plugin.AppSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsBuilderTest {

    private static final Path HOME = Path.of("/opt/switchio");
    private static final Path FILE = Path.of("/etc/switchio/serve.conf");

    private static LaunchSettings build(Map<String, String> env, String... lines) {
        return new SettingsBuilder(HOME).applyConf(ConfFile.parse(FILE, List.of(lines))).build(env);
    }

    private static ConfException fails(String... lines) {
        return assertThrows(ConfException.class, () -> build(Map.of(), lines));
    }

    @Test
    void defaultsFillWhatTheFileLeavesOut() {
        LaunchSettings s = build(Map.of(), "hosts = fs1, fs2:8022", "password = pw", "apps = tone-play");
        assertEquals(LaunchSettings.Mode.SERVE, s.mode());
        assertEquals(List.of(new HostAddress("fs1", 8021, false), new HostAddress("fs2", 8022, false)), s.hosts());
        assertEquals(List.of(HOME.resolve("plugins")), s.pluginDirs());
        assertEquals("default", s.group());
        assertEquals(List.of("variable_sip_h_X-switchio_app"), s.activationHeaders());
        assertEquals("variable_call_uuid", s.trackingHeader());
        assertEquals(Duration.ofSeconds(1), s.reconnectMin());
        assertEquals(Duration.ofSeconds(30), s.reconnectMax());
        assertEquals(0, s.reconnectAttempts());
        assertEquals("warn", s.logLevel(), "serve and run keep stderr quiet unless asked");
        assertNull(s.runFor());
        assertTrue(s.hangupOnStop());
        assertEquals(2.0, s.sim().arrivals());
        assertFalse(s.toString().contains("pw"), s.toString());
    }

    @Test
    void appParametersAndRelativePluginFoldersComeFromTheFile() {
        LaunchSettings s = build(Map.of(), "hosts = sim", "apps = tone-play, proxier/proxy=dut", "app.tone-play.loops = 3",
                "app.proxier.proxy = ignored-by-spec", "plugins.dirs = plugins, /abs", "run.for = 30s", "mode = serve");
        assertEquals(List.of(new AppSpec("tone-play", Map.of("loops", "3")), new AppSpec("proxier", Map.of("proxy", "dut"))), s.apps());
        assertEquals(List.of(Path.of("/etc/switchio/plugins"), Path.of("/abs")), s.pluginDirs());
        assertEquals(Duration.ofSeconds(30), s.runFor());
        assertNull(s.password());
    }

    @Test
    void errorsNameFileLineKeyAndWhatWasExpected() {
        assertEquals("/etc/switchio/serve.conf:2: key 'reconnect.max': '3x' is not a duration (e.g. 250ms, 5s, 2m, 1h or PT5S)",
                fails("hosts = sim", "reconnect.max = 3x").getMessage());
        assertTrue(fails("hosts = sim", "", "colour = blue").getMessage().startsWith("/etc/switchio/serve.conf:3: key 'colour': unknown key; expected one of"));
        assertEquals("/etc/switchio/serve.conf:1: key 'hosts': host 'fs1:99999': port '99999' is not a number from 1 to 65535",
                fails("hosts = fs1:99999").getMessage());
        assertEquals("/etc/switchio/serve.conf:1: key 'mode': 'listen' is not one of [dial, serve]", fails("mode = listen").getMessage());
        assertTrue(fails("hosts = sim", "apps = tone-play", "app.proxier.proxy = x").getMessage()
                .startsWith("/etc/switchio/serve.conf:3: key 'app.proxier': gives parameters to app 'proxier', which is not in 'apps'"));
        assertTrue(fails("sim.arrivals = -1").getMessage().contains("negative"));
        assertTrue(fails("apps = tone-play/loops").getMessage().contains("'loops' is not name=value"));
    }

    @Test
    void aPasswordIsRequiredForRealHostsAndMayComeFromTheEnvironment() {
        ConfException e = fails("hosts = fs1", "apps = tone-play");
        assertEquals(ExitCode.CONF, e.exitCode());
        assertTrue(e.getMessage().startsWith("no ESL password for [fs1:8021]"), e.getMessage());
        assertEquals("env-pw", build(Map.of("SWITCHIO_PASSWORD", "env-pw"), "hosts = fs1", "apps = tone-play").password());
        assertEquals("file-pw", build(Map.of("SWITCHIO_PASSWORD", "env-pw"), "hosts = fs1", "apps = tone-play", "password = file-pw").password());
        assertNull(build(Map.of(), "hosts = sim", "apps = tone-play").password());
    }

    @Test
    void wholeSettingsAreChecked() {
        assertTrue(fails("apps = tone-play").getMessage().startsWith("no FreeSWITCH host given"));
        assertTrue(fails("hosts = sim").getMessage().startsWith("no app to serve"));
        assertEquals("/etc/switchio/serve.conf:4: key 'reconnect.max': reconnect.min (1m) is longer than reconnect.max (5s)",
                fails("hosts = sim", "apps = x", "reconnect.min = 1m", "reconnect.max = 5s").getMessage());
        SettingsBuilder fromTheCommandLine = new SettingsBuilder(HOME).hosts(List.of(HostAddress.parse("sim"))).apps(List.of(AppSpec.parse("x")))
                .set(ConfKey.RECONNECT_MIN, "1m");
        assertEquals("reconnect.min (1m) is longer than reconnect.max (30s)",
                assertThrows(ConfException.class, () -> fromTheCommandLine.build(Map.of())).getMessage());
        assertEquals(LaunchSettings.Mode.DIAL, build(Map.of(), "hosts = sim", "mode = dial", "dial.rate = 50").mode());
    }

    @Test
    void groupAndHeaderNamesMustBeOneWordInTheFile() {
        assertEquals("/etc/switchio/serve.conf:2: key 'group': 'a b' is not one word; expected an app group name without spaces,"
                + " tabs or line breaks", fails("hosts = sim", "group = a b").getMessage());
        assertEquals("/etc/switchio/serve.conf:1: key 'group': 'a\\nb' is not one word; expected an app group name without spaces,"
                + " tabs or line breaks", fails("group = a\\nb").getMessage(), "a properties escape \\n is a real line break");
        assertTrue(fails("tracking.header = Unique-ID: x").getMessage()
                .startsWith("/etc/switchio/serve.conf:1: key 'tracking.header': 'Unique-ID: x' is not a header name"));
        assertTrue(fails("activation.headers = variable_sip_h_X-switchio_app, X:Y").getMessage()
                .startsWith("/etc/switchio/serve.conf:1: key 'activation.headers': 'X:Y' is not a header name"));
        assertTrue(fails("activation.headers = a,,b").getMessage().contains("has an empty item"));
        assertEquals(ExitCode.CONF, fails("group = a b").exitCode());
    }

    @Test
    void groupAndHeaderOptionsAreCheckedNamingTheOption() {
        SettingsBuilder b = new SettingsBuilder(HOME);
        assertEquals("--group 'a\\nb' is not one word; expected an app group name without spaces, tabs or line breaks",
                assertThrows(IllegalArgumentException.class, () -> b.set(ConfKey.GROUP, "a\nb", "--group")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.set(ConfKey.ACTIVATION_HEADERS, "X-App\r\nEvil", "--app-header"))
                .getMessage().startsWith("--app-header 'X-App\\r\\nEvil' is not a header name"));
        assertEquals("sales", b.set(ConfKey.GROUP, "sales", "--group").hosts(List.of(HostAddress.parse("sim")))
                .apps(List.of(AppSpec.parse("x"))).build(Map.of()).group());
    }

    @Test
    void commandLineValuesAreCheckedLikeFileValues() {
        SettingsBuilder b = new SettingsBuilder(HOME);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.set(ConfKey.SIM_ARRIVALS, "lots"));
        assertEquals("sim.arrivals: 'lots' is not a number", e.getMessage());
        assertEquals(5.0, b.set(ConfKey.SIM_ARRIVALS, "5").hosts(List.of(HostAddress.parse("sim")))
                .apps(List.of(AppSpec.parse("x"))).build(Map.of()).sim().arrivals());
    }
}
