package io.switchio.kernel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.testing.HostHarness;
import io.switchio.kernel.testing.MapEvent;
import io.switchio.spi.ApiException;
import io.switchio.spi.AppContext;
import io.switchio.spi.AppLoadException;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Callback;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Event;
import io.switchio.spi.Handler;
import io.switchio.spi.Job;
import io.switchio.spi.OriginateRequest;
import io.switchio.spi.Prepost;
import io.switchio.spi.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Client commands, originate rendering and the app load/unload rules. */
class ClientTest {

    private final HostHarness h = new HostHarness();

    @Test
    void apiMapsErrAndCmdStripsOk() {
        h.channel.replies(c -> c.equals("doggy") ? "-ERR doggy Command not found!\n" : "+OK up 1 day\n");
        ApiException e = assertThrows(ApiException.class, () -> h.client.api("doggy"));
        assertEquals("doggy Command not found!", e.reason());
        assertEquals("up 1 day", h.client.cmd("status"));
        assertThrows(IllegalArgumentException.class, () -> h.client.api("status\nexit"));
    }

    @Test
    void bgapiRegistersTheJobBeforeSending() {
        Job job = h.client.bgapi("status");
        assertEquals("bgapi status Job-UUID=" + job.uuid(), h.channel.sent.get(0));
        assertEquals(1, h.client.counters().pendingJobs());
        h.dispatch(MapEvent.job(job.uuid(), "+OK fine\n"));
        assertEquals("fine", job.result(Duration.ofSeconds(1)));
        assertEquals(0, h.client.counters().pendingJobs());
    }

    @Test
    void originateAddsTrackingAndAppVariablesAndEscapesCommas() {
        Job job = h.client.originate(OriginateRequest.to("sofia/external/1000@127.0.0.1:5080").proxy("dut:5060")
                .absoluteCodecs("PCMU,PCMA").uuid("U2").build());
        assertEquals("bgapi originate {originate_timeout=60,origination_caller_id_name=Mr_switchio,"
                + "origination_caller_id_number=1112223333,originator_codec=PCMU,ignore_display_updates=true,"
                + "ignore_early_media=true,absolute_codec_string=PCMU\\,PCMA,origination_uuid=U2,"
                + "sip_h_X-switchio_originating_session=U2,sip_h_X-switchio_app=default}"
                + "sofia/external/1000@127.0.0.1:5080;fs_path=sip:dut:5060 &park() Job-UUID=" + job.uuid(),
                h.channel.sent.get(0));
        assertEquals("U2", job.sessionUuid().orElseThrow());
    }

    @Test
    void originateTemplatesFillUuidAppIdAndUserFields() {
        OriginateRequest template = OriginateRequest.to("sofia/external/{user}@127.0.0.1:5080")
                .xheader("switchio_app", "{app_id}").dialplan("9999", "XML", "default").build();
        Job job = h.client.originate(template, Map.of("user", "1000"));
        String sent = h.channel.sent.get(0);
        String uuid = job.sessionUuid().orElseThrow();
        assertTrue(sent.contains("sip_h_X-switchio_app=default,origination_uuid=" + uuid + ",sip_h_X-switchio_originating_session=" + uuid + "}"), sent);
        assertTrue(sent.contains("}sofia/external/1000@127.0.0.1:5080 9999 XML default Job-UUID="), sent);
        assertThrows(IllegalArgumentException.class, () -> h.client.originate(template));
    }

    /** An app with every kind of method and a prepost. */
    public static final class Full implements Prepost {
        final List<String> log = new CopyOnWriteArrayList<>();

        @Override
        public void setup(AppContext context) {
            log.add("setup " + context.group() + " " + context.parameters().asMap());
        }

        @Override
        public void teardown(AppContext context) {
            log.add("teardown " + context.group());
        }

        @Callback("CHANNEL_PARK")
        public void park(Session s) {
            log.add("park");
        }

        @Coroutine(value = "CHANNEL_ANSWER", subscribe = "PLAYBACK_STOP")
        public void answered(Session s) {
            log.add("answer");
        }

        @Handler("HEARTBEAT")
        public void beat(Event e) {
            log.add("beat");
        }
    }

    @Test
    void loadSubscribesAndRunsSetup_unloadRemovesEverything() throws Exception {
        Full app = new Full();
        assertEquals("default", h.client.loadApp(app, AppOptions.defaults().withParameters(io.switchio.spi.Parameters.of(Map.of("k", "v")))
                .withHeader("Caller-Context")));
        assertEquals(List.of("setup default {k=v}"), app.log);
        assertTrue(h.subscriptions.current().containsAll(List.of("CHANNEL_PARK", "PLAYBACK_STOP", "HEARTBEAT")));
        assertEquals(List.of("Caller-Context", "variable_sip_h_X-switchio_app"), h.models.appHeaders());
        h.event("HEARTBEAT", null);
        h.create("u", "default");
        h.event("CHANNEL_PARK", "u");
        h.event("CHANNEL_DESTROY", "u");
        h.awaitNoSessionThreads();
        assertEquals(List.of("setup default {k=v}", "beat", "park"), app.log);
        assertTrue(h.client.unloadApp("default"));
        assertFalse(h.client.unloadApp("default"));
        assertEquals("teardown default", app.log.get(app.log.size() - 1));
        assertFalse(h.subscriptions.current().contains("PLAYBACK_STOP"));
        assertFalse(h.subscriptions.current().contains("HEARTBEAT"));
        assertEquals(List.of("variable_sip_h_X-switchio_app"), h.models.appHeaders());
        h.event("HEARTBEAT", null);
        h.create("v", "default");
        h.event("CHANNEL_PARK", "v");
        h.event("CHANNEL_DESTROY", "v");
        h.awaitNoSessionThreads();
        assertEquals(4, app.log.size(), "nothing runs after unload: " + app.log);
    }

    /** A minimal app. */
    public static final class Tone {
        @Callback("CHANNEL_PARK")
        public void park(Session s) {
        }
    }

    @Test
    void groupRules() {
        assertEquals("Tone", h.client.loadApp(new Tone(), new AppOptions(null, null, io.switchio.spi.Parameters.of(Map.of()), false)));
        AppLoadException dup = assertThrows(AppLoadException.class,
                () -> h.client.loadApp(new Tone(), new AppOptions(null, null, io.switchio.spi.Parameters.of(Map.of()), false)));
        assertTrue(dup.getMessage().contains("'Tone'"), dup.getMessage());
        assertEquals("other", h.client.loadApp(new Tone(), AppOptions.group("other")));
        h.client.loadApp(new Tone(), AppOptions.defaults());
        h.client.loadApp(new Tone(), AppOptions.defaults());
        assertEquals(Map.of("Tone", List.of("Tone"), "other", List.of("Tone"), "default", List.of("Tone", "Tone")), h.client.apps());
    }

    /** A measurer. */
    public static final class Cdr {
        @Callback("CHANNEL_PARK")
        public void park(Session s) {
        }
    }

    @Test
    void measurersRunFirst() {
        h.client.loadApp(new Tone(), AppOptions.group("g"));
        h.client.loadApp(new Cdr(), AppOptions.group("g").asMeasurer());
        assertEquals(List.of("Cdr", "Tone"), h.client.apps().get("g"));
    }

    /** Bad apps. */
    public static final class NoMarks {
        public void nothing() {
        }
    }

    /** A callback with a parameter that cannot be bound. */
    public static final class BadParam {
        @Callback("CHANNEL_PARK")
        public void park(String s) {
        }
    }

    /** A handler with the wrong signature. */
    public static final class BadHandler {
        @Handler("HEARTBEAT")
        public void beat(Session s) {
        }
    }

    /** A setup that fails. */
    public static final class FailingSetup implements Prepost {
        @Override
        public void setup(AppContext context) {
            throw new IllegalStateException("no sounds dir");
        }

        @Callback("CHANNEL_PARK")
        public void park() {
        }
    }

    @Test
    void loadErrorsNameTheAppAndWhy() {
        assertTrue(assertThrows(AppLoadException.class, () -> h.client.loadApp(new NoMarks(), AppOptions.defaults()))
                .getMessage().contains("'NoMarks' (" + NoMarks.class.getName() + ") has no method marked"));
        assertTrue(assertThrows(AppLoadException.class, () -> h.client.loadApp(new BadParam(), AppOptions.defaults()))
                .getMessage().contains("BadParam.park has a parameter of type java.lang.String"));
        assertTrue(assertThrows(AppLoadException.class, () -> h.client.loadApp(new BadHandler(), AppOptions.defaults()))
                .getMessage().contains("must take exactly one Event parameter"));
        AppLoadException setup = assertThrows(AppLoadException.class, () -> h.client.loadApp(new FailingSetup(), AppOptions.defaults()));
        assertTrue(setup.getMessage().contains("'FailingSetup' failed its setup on host fs1"), setup.getMessage());
        assertEquals(Map.of(), h.client.apps());
    }

    @Test
    void hupallByGroup() {
        h.client.loadApp(new Tone(), AppOptions.group("g1"));
        h.client.loadApp(new Tone(), AppOptions.group("g2"));
        h.client.hupall();
        assertEquals(List.of("api hupall NORMAL_CLEARING sip_h_X-switchio_app g1", "api hupall NORMAL_CLEARING sip_h_X-switchio_app g2"),
                h.channel.sent);
    }

    @Test
    void anOnDemandSubscriptionStaysWhileSomeoneWaitsAndGoesAtTheNextUnloadAfter() throws Exception {
        h.create("u", "default");
        Session s = h.client.session("u").orElseThrow();
        java.util.concurrent.CompletableFuture<io.switchio.spi.Event> dtmf =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> s.recv("DTMF", Duration.ofSeconds(10)));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!h.subscriptions.current().contains("DTMF") && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(h.subscriptions.current().contains("DTMF"));
        h.client.loadApp(new Tone(), AppOptions.group("g"));
        h.client.unloadApp("g");
        assertTrue(h.subscriptions.current().contains("DTMF"), "still waited for");
        h.event("DTMF", "u", "DTMF-Digit", "5");
        assertEquals("5", dtmf.get(10, java.util.concurrent.TimeUnit.SECONDS).header("DTMF-Digit"));
        h.client.loadApp(new Tone(), AppOptions.group("g"));
        h.client.unloadApp("g");
        assertFalse(h.subscriptions.current().contains("DTMF"), "nobody waits any more");
    }

    /** Sets a var on answer. */
    public static final class Marker {
        final AtomicInteger n = new AtomicInteger();

        @Callback("CHANNEL_ANSWER")
        public void answered(Session s) {
            s.vars().put("answered", true);
        }
    }

    @Test
    void waitForSeesAVarSetByACallback() throws Exception {
        h.client.loadApp(new Marker(), AppOptions.defaults());
        h.create("u", "default");
        Session s = h.client.session("u").orElseThrow();
        assertThrows(io.switchio.spi.SwitchioTimeoutException.class, () -> h.client.waitFor(s, "answered", Duration.ofMillis(50)));
        h.event("CHANNEL_ANSWER", "u");
        assertEquals(true, h.client.waitFor(s, "answered", Duration.ofSeconds(10)));
        h.event("CHANNEL_DESTROY", "u");
        h.awaitNoSessionThreads();
    }
}
