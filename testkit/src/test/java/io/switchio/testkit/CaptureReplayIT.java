package io.switchio.testkit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the client side of every capture against the simulator and compares, per channel, the
 * event names and key headers in order, and the reply texts (uuids and times aside).
 */
class CaptureReplayIT {
    private static final List<String> KEYS = List.of("Event-Name", "Channel-State", "Channel-Call-State",
            "Answer-State", "Call-Direction", "Application", "Application-Data", "Hangup-Cause",
            "Original-Channel-Call-State", "Playback-Status");

    static Path traces() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("fixtures/esl-traces"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("fixtures/esl-traces not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("fixtures/esl-traces");
    }

    static List<RawEslClient.Frame> parse(Path file) throws Exception {
        ByteArrayInputStream in = new ByteArrayInputStream(Files.readAllBytes(file));
        List<RawEslClient.Frame> out = new ArrayList<>();
        RawEslClient.Frame f;
        while ((f = RawEslClient.read(in)) != null) {
            out.add(f);
        }
        return out;
    }

    @Test
    void a_authApiStatusAndErrors() throws Exception {
        replay("a-auth-api-status-and-errors", false);
    }

    @Test
    void b_authFailure() throws Exception {
        replay("b-auth-failure", false);
    }

    @Test
    void c_bgapiOriginateLoopbackPlain() throws Exception {
        replay("c-bgapi-originate-park-lifecycle-plain", false);
    }

    @Test
    void d_bgapiOriginateLoopbackJson() throws Exception {
        replay("d-bgapi-originate-park-lifecycle-json", false);
    }

    @Test
    void e_inboundSipPark() throws Exception {
        replay("e-inbound-sip-sipp-park", true);
    }

    @Test
    void f_twoLegSofiaOriginate() throws Exception {
        replay("f-two-leg-sofia-originate", false);
    }

    @Test
    void g_exitDisconnectNotice() throws Exception {
        replay("g-exit-disconnect-notice", false);
    }

    private void replay(String name, boolean inject) throws Exception {
        List<RawEslClient.Frame> cap = parse(traces().resolve(name + ".txt"));
        String client = Files.readString(traces().resolve(name + ".client.txt"));
        List<String> cmds = Arrays.stream(client.split("\n\n")).filter(s -> !s.isBlank()).toList();
        List<String> capUuids = uuids(cap);
        List<Integer> capReplyIdx = new ArrayList<>();
        for (int i = 0; i < cap.size(); i++) {
            if (isReply(cap.get(i))) {
                capReplyIdx.add(i);
            }
        }
        try (FreeSwitchSimulator fs = FreeSwitchSimulator.builder().hostname("vm").speed(4).build().start();
             RawEslClient c = new RawEslClient(fs.port())) {
            for (int i = 0; i < cmds.size(); i++) {
                if (inject && i == 2) {
                    waitForCapturedState(cap, capReplyIdx.get(1) + 1, capUuids, c); // subscribed first
                    fs.injectInboundCall("2000", Map.of());
                }
                waitForCapturedState(cap, capReplyIdx.get(i), capUuids, c);
                c.send(mapUuids(cmds.get(i), capUuids, uuids(snapshot(c))) + "\n\n");
            }
            assertTrue(c.closedByServer(), "server closes the connection at the end");
            List<RawEslClient.Frame> sim = snapshot(c);
            List<String> simUuids = uuids(sim);
            assertEquals(replies(cap, capUuids), replies(sim, simUuids), name + ": replies");
            assertEquals(capUuids.size(), simUuids.size(), name + ": number of channels");
            for (int k = 0; k < capUuids.size(); k++) {
                assertEquals(channelEvents(cap, capUuids.get(k)), channelEvents(sim, simUuids.get(k)),
                        name + ": events of channel " + k);
            }
        }
    }

    private static List<RawEslClient.Frame> snapshot(RawEslClient c) {
        synchronized (c.all) {
            return new ArrayList<>(c.all);
        }
    }

    private static boolean isReply(RawEslClient.Frame f) {
        return f.type().equals("command/reply") || f.type().equals("api/response");
    }

    private static List<String> uuids(List<RawEslClient.Frame> frames) {
        List<String> out = new ArrayList<>();
        for (RawEslClient.Frame f : frames) {
            String u = f.ev("Unique-ID");
            if (u != null && !out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }

    private static String mapUuids(String text, List<String> from, List<String> to) {
        String r = text;
        for (int k = 0; k < from.size() && k < to.size(); k++) {
            r = r.replace(from.get(k), to.get(k));
        }
        return r;
    }

    private static void waitForCapturedState(List<RawEslClient.Frame> cap, int upTo, List<String> capUuids,
                                             RawEslClient c) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            List<RawEslClient.Frame> sim = snapshot(c);
            List<String> simUuids = uuids(sim);
            int replies = (int) cap.subList(0, upTo).stream().filter(CaptureReplayIT::isReply).count();
            boolean ok = sim.stream().filter(CaptureReplayIT::isReply).count() >= replies;
            for (int k = 0; k < capUuids.size() && ok; k++) {
                String cu = capUuids.get(k);
                long need = cap.subList(0, upTo).stream().filter(f -> cu.equals(f.ev("Unique-ID"))).count();
                if (need == 0) {
                    continue;
                }
                if (k >= simUuids.size()) {
                    ok = false;
                } else {
                    String su = simUuids.get(k);
                    ok = sim.stream().filter(f -> su.equals(f.ev("Unique-ID"))).count() >= need;
                }
            }
            if (ok) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("simulator did not reach the captured state within 10 s");
    }

    private static List<String> replies(List<RawEslClient.Frame> frames, List<String> uuids) {
        List<String> out = new ArrayList<>();
        for (RawEslClient.Frame f : frames) {
            if (f.type().startsWith("text/event")) {
                continue;
            }
            String text = f.type() + "|" + f.headers().getOrDefault("Reply-Text", "") + "|" + f.body();
            for (int k = 0; k < uuids.size(); k++) {
                text = text.replace(uuids.get(k), "<uuid" + k + ">");
            }
            text = text.replaceAll("Job-UUID: [0-9a-f-]{36}", "Job-UUID: <job>");
            if (f.body().startsWith("UP ")) {
                text = f.type() + "|status|" + f.body().split("\n")[1];
            }
            out.add(text);
        }
        return out;
    }

    private static List<String> channelEvents(List<RawEslClient.Frame> frames, String uuid) {
        List<String> out = new ArrayList<>();
        for (RawEslClient.Frame f : frames) {
            if (!uuid.equals(f.ev("Unique-ID")) || "COMMAND".equals(f.ev("Event-Name"))) {
                continue; // FreeSWITCH delivers uuid_broadcast's COMMAND event late or not at all (race)
            }
            StringBuilder sb = new StringBuilder();
            for (String k : KEYS) {
                String v = f.ev(k);
                if (v != null) {
                    sb.append(k).append('=').append(v).append(' ');
                }
            }
            sb.append("| ");
            for (String[] h : f.event()) {
                if (!h[0].startsWith("variable_") && !h[0].equals("Application-UUID")) {
                    sb.append(h[0]).append(' ');
                }
            }
            out.add(sb.toString().trim());
        }
        return out;
    }
}
