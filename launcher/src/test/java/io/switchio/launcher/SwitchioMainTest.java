package io.switchio.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.launcher.testing.PluginJarBuilder;
import io.switchio.testkit.FreeSwitchSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and error messages of the CLI, run in-process. */
class SwitchioMainTest {

    @TempDir
    Path home;

    private Path plugins;
    private String out;
    private String err;

    @BeforeEach
    void pluginFolder() throws IOException {
        plugins = Files.createDirectories(home.resolve("plugins"));
        new PluginJarBuilder("alpha", "1.0").provider("a.P", PluginJarBuilder.simpleProvider("a.P", "alpha", "the alpha app"))
                .build(plugins.resolve("alpha.jar"));
    }

    private int run(Map<String, String> env, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = new SwitchioMain(new LauncherEnvironment(home, env, getClass().getClassLoader()), new PrintWriter(o), new PrintWriter(e)).run(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private Path conf(String name, String... lines) throws IOException {
        return Files.write(home.resolve(name), java.util.List.of(lines));
    }

    @Test
    void usageErrorsExit2() {
        assertEquals(2, run());
        assertTrue(err.contains("Usage: switchio"), err);
        assertEquals(2, run("serve"));
        assertTrue(err.contains("Missing required"), err);
        assertEquals(2, run("serve", "fs1", "--app", "alpha/delay"));
        assertEquals("switchio: app spec 'alpha/delay': 'delay' is not name=value", err.lines().findFirst().orElseThrow());
        assertEquals(2, run("serve", "fs1:http", "--app", "alpha"));
        assertTrue(err.contains("port 'http' is not a number"), err);
        assertEquals(2, run("list-apps", "--log-level", "loud"));
        assertTrue(err.contains("--log-level 'loud' is not one of"), err);
        assertEquals(2, run("serve", "sim", "--app", "alpha/delay=soon", "--for", "1s"));
        assertEquals("switchio: --app alpha/delay=soon: app 'alpha' parameter 'delay': 'soon' is not a duration (e.g. 250ms, 5s, 2m, 1h or PT5S)",
                err.strip());
    }

    @Test
    void confErrorsExit3NamingFileLineAndKey() throws IOException {
        Path bad = conf("bad.conf", "hosts = sim", "apps = alpha", "", "reconnect.max = 3x");
        assertEquals(3, run("run", bad.toString()));
        assertEquals("switchio: " + bad + ":4: key 'reconnect.max': '3x' is not a duration (e.g. 250ms, 5s, 2m, 1h or PT5S)", err.strip());
        Path badParam = conf("param.conf", "hosts = sim", "apps = alpha", "app.alpha.delay = soon");
        assertEquals(3, run("run", badParam.toString()));
        assertTrue(err.startsWith("switchio: " + badParam + ":3: key 'app.alpha.delay': app 'alpha' parameter 'delay'"), err);
        assertEquals(3, run("run", home.resolve("missing.conf").toString()));
        assertTrue(err.contains("cannot read the conf file"), err);
    }

    @Test
    void aGroupOrHeaderThatIsNotOneWordIsRefusedBeforeServing() throws IOException {
        assertEquals(2, run("serve", "sim", "--app", "alpha", "--group", "a\nb"));
        assertEquals("switchio: --group 'a\\nb' is not one word; expected an app group name without spaces, tabs or line breaks", err.strip());
        assertEquals(2, run("serve", "sim", "--app", "alpha", "--group", "a b"));
        assertTrue(err.contains("--group 'a b' is not one word"), err);
        assertEquals(2, run("serve", "sim", "--app", "alpha", "--app-header", "X-App: evil"));
        assertTrue(err.contains("--app-header 'X-App: evil' is not a header name"), err);
        assertEquals(2, run("serve", "sim", "--app", "alpha", "--tracking-header", "call uuid"));
        assertTrue(err.contains("--tracking-header 'call uuid' is not a header name"), err);
        assertFalse(out.contains("serving"), "nothing was served: " + out);
        Path conf = conf("group.conf", "hosts = sim", "apps = alpha", "group = a b");
        assertEquals(3, run("run", conf.toString()));
        assertTrue(err.startsWith("switchio: " + conf + ":3: key 'group': 'a b' is not one word"), err);
    }

    @Test
    void anUnknownAppInAConfFileNamesFileLineAndKey() throws IOException {
        Path conf = conf("apps.conf", "hosts = sim", "", "apps = alpha, beta");
        assertEquals(4, run("run", conf.toString()));
        assertTrue(err.startsWith("switchio: " + conf + ":3: key 'apps': unknown app 'beta'"), err);
    }

    @Test
    void serveHelpDocumentsCommasInAppSpecs() {
        assertEquals(0, run("serve", "--help"));
        assertTrue(out.contains("tone-play/tone=%(300,0,440),loops=3") && out.contains("\\,"), out);
    }

    @Test
    void aMissingPasswordExits3AndTheEnvironmentSuppliesOne() throws IOException {
        assertEquals(3, run("serve", "127.0.0.1:1", "--app", "alpha"));
        assertTrue(err.contains("no ESL password for [127.0.0.1:1]"), err);
        assertTrue(err.contains("SWITCHIO_PASSWORD"), err);
    }

    @Test
    void unknownAndFailedAppsExit4() throws IOException {
        assertEquals(4, run("serve", "sim", "--app", "beta"));
        assertTrue(err.contains("unknown app 'beta'") && err.contains("available: alpha"), err);
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        assertEquals(4, run("list-apps"));
        assertTrue(out.contains("broken  [failed: cannot read the jar"), out);
        assertTrue(out.contains("alpha  [loaded]"), out);
    }

    @Test
    void listAppsShowsIdJarVersionDescriptionParametersAndStatus() {
        assertEquals(0, run("list-apps"));
        assertTrue(out.startsWith("1 app(s) loaded from 1 plugin jar(s) in [" + plugins + "]"), out);
        assertTrue(out.contains("alpha  [loaded]"), out);
        assertTrue(out.contains("plugin: alpha 1.0 (" + plugins.resolve("alpha.jar") + ")"), out);
        assertTrue(out.contains("the alpha app"), out);
        assertTrue(out.contains("delay  duration  default '1s'  how long"), out);
    }

    @Test
    void dialModeExits6() throws IOException {
        Path dial = conf("dial.conf", "mode = dial", "hosts = sim", "dial.rate = 5");
        assertEquals(6, run("run", dial.toString()));
        assertTrue(err.startsWith("switchio: " + dial + ":1: key 'mode': mode = dial needs the load generator"), err);
        Path realHosts = conf("real.conf", "mode = dial", "hosts = fs1", "apps = alpha");
        assertEquals(6, run("run", realHosts.toString()), "dial mode is reported before the missing password: " + err);
    }

    @Test
    void aRefusedPasswordExits5AndIsNeverPrinted() {
        try (FreeSwitchSimulator sim = FreeSwitchSimulator.builder().port(0).password("right-one").build().start()) {
            assertEquals(5, run("serve", "127.0.0.1:" + sim.port(), "--app", "alpha", "--password", "wrong-one", "--progress", "0"));
            assertTrue(err.contains("refused the ESL password"), err);
            assertFalse((out + err).contains("wrong-one"), out + err);
        }
    }

    @Test
    void anAppTheKernelRefusesExits4() throws IOException {
        new PluginJarBuilder("inert", "1.0").provider("i.P", """
                package i;
                public final class P implements io.switchio.spi.AppProvider {
                  public String id() { return "inert"; }
                  public String description() { return "has no marked method"; }
                  public Object create() { return new Object(); }
                }""").build(plugins.resolve("inert.jar"));
        assertEquals(4, run(Map.of("SWITCHIO_PASSWORD", "pw"), "serve", "sim", "--app", "inert", "--progress", "0", "--sim-rate", "0"));
        assertTrue(err.startsWith("switchio: app 'inert' did not load:"), err);
    }

    @Test
    void simulateListensPrintsALinePerCallLegAndStops() {
        assertEquals(0, run("simulate", "--port", "0", "--arrivals", "20", "--calls", "--for", "1s", "--log-level", "warn"));
        assertTrue(out.matches("(?s)switchio simulate: FreeSWITCH simulator listening on 127\\.0\\.0\\.1:\\d+ \\(ESL password set; injecting 20 call\\(s\\)/s to 'switchio'\\).*"), out);
        assertTrue(out.contains(" inbound created (sofia/external/"), out);
        assertTrue(out.contains("switchio simulate: stopped;"), out);
    }
}
