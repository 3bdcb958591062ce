package io.switchio.testkit;

import io.switchio.testkit.junit.SimulatorTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault injection, session limits and the slow-consumer policy; also exercises the JUnit extension. */
@SimulatorTest(speed = 10)
class FaultsAndLimitsIT {
    FreeSwitchSimulator fs;

    @Test
    void dropConnectionsClosesEveryClient() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            fs.faults().dropConnections();
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void garbageFrameIsWrittenAsIs() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", fs.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("auth ClueCon\n\n".getBytes());
            java.io.InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(("Content-Type: auth/request\n\nContent-Type: command/reply\n"
                    + "Reply-Text: +OK accepted\n\n").length());
            assertTrue(new String(head).endsWith("+OK accepted\n\n"));
            fs.faults().sendGarbage();
            String garbage = new String(in.readNBytes(45));
            assertEquals("Content-Type: api/response\nContent-Length: no", garbage);
        }
    }

    @Test
    void loseEventsLeavesAGapInEventSequence() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "BACKGROUND_JOB")) {
            c.send("bgapi status\n\n");
            c.reply();
            long first = Long.parseLong(c.await(f -> f.isEvent("BACKGROUND_JOB")).ev("Event-Sequence"));
            fs.faults().loseEvents(1);
            c.send("bgapi status\n\nbgapi status\n\n");
            c.reply();
            c.reply();
            long next = Long.parseLong(c.await(f -> f.isEvent("BACKGROUND_JOB")).ev("Event-Sequence"));
            assertTrue(next > first + 1, "gap expected, got " + first + " then " + next);
        }
    }

    @Test
    void delayedRepliesStillArriveInOrder() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            fs.faults().delayReplies(Duration.ofMillis(50));
            long t0 = System.nanoTime();
            c.send("api create_uuid\n\n");
            c.reply();
            assertTrue(System.nanoTime() - t0 >= 50_000_000L);
            fs.faults().delayReplies(Duration.ZERO);
        }
    }

    @Test
    void stallThenBacklogFlows() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            fs.faults().stallWrites(Duration.ofMillis(100));
            c.send("api create_uuid\n\n");
            assertEquals(36, c.reply().body().length());
        }
    }

    @Test
    void restartDropsConnectionsAndChannelsAndResetsCoreUuid() throws Exception {
        String core = null;
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            fs.injectInboundCall("2000", Map.of());
            assertTrue(fs.channels().size() >= 1);
            c.send("api global_getvar core_uuid\n\n");
            core = c.reply().body();
            fs.faults().restart();
            assertTrue(c.closedByServer());
        }
        assertEquals(0, fs.channels().size());
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            c.send("api global_getvar core_uuid\n\n");
            assertTrue(!core.equals(c.reply().body()));
        }
    }

    @Test
    void maxSessionsRejectsLikeFreeswitch() throws Exception {
        try (FreeSwitchSimulator small = FreeSwitchSimulator.builder().maxSessions(1).build().start();
             RawEslClient c = RawEslClient.login(small, null)) {
            small.injectInboundCall("1", Map.of());
            c.send("api originate loopback/1 &park()\n\n");
            assertEquals("-ERR SWITCH_CONGESTION\n", c.reply().body());
            assertThrows(IllegalStateException.class, () -> small.injectInboundCall("2", Map.of()));
            c.send("api fsctl max_sessions 10\n\n");
            assertEquals("+OK max sessions: 10\n", c.reply().body());
        }
    }

    @Test
    void sessionsPerSecondRejectsTheExcess() throws Exception {
        try (FreeSwitchSimulator slow = FreeSwitchSimulator.builder().sessionsPerSecond(2).build().start();
             RawEslClient c = RawEslClient.login(slow, null)) {
            c.send("bgapi originate loopback/1 &park()\n\nbgapi originate loopback/1 &park()\n\n"
                    + "api originate loopback/1 &park()\n\n");
            c.reply();
            c.reply();
            assertEquals("-ERR SWITCH_CONGESTION\n", c.reply().body());
        }
    }

    @Test
    void slowConsumerIsKilledAfterTooManyLostEvents() throws Exception {
        try (FreeSwitchSimulator tiny = FreeSwitchSimulator.builder().slowConsumer(5, 3).build().start();
             RawEslClient c = RawEslClient.login(tiny, "ALL")) {
            tiny.faults().stallWrites(Duration.ofMillis(500));
            for (int i = 0; i < 4; i++) {
                tiny.injectInboundCall("2000", Map.of());
            }
            assertTrue(c.closedByServer());
            RawEslClient.Frame last = c.all.get(c.all.size() - 1);
            assertEquals("killed listener because of lost events\n", last.body());
        }
    }

    @Test
    void reloadModEventSocketDropsListeners() throws Exception {
        try (FreeSwitchSimulator other = FreeSwitchSimulator.builder().build().start();
             RawEslClient c = RawEslClient.login(other, null)) {
            c.send("api reload mod_event_socket\n\n");
            c.reply();
            assertTrue(c.closedByServer());
            assertEquals("The system is being shut down.\n", c.all.get(c.all.size() - 1).body());
        }
    }

    @Test
    void theExtensionInjectsTheSameSimulatorIntoParameters(FreeSwitchSimulator param) {
        assertTrue(param == fs, "one simulator per test class");
        assertThrows(IllegalStateException.class, param::start);
        assertThrows(IllegalStateException.class, () -> FreeSwitchSimulator.builder().build().stats());
    }

    @Test
    void badArgumentsAnswerWithAnErrorAndTheConnectionLives() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, null)) {
            c.send("api fsctl sps many\n\napi create_uuid\n\n");
            assertTrue(c.reply().body().startsWith("-ERR "));
            assertEquals(36, c.reply().body().length());
        }
    }

    @Test
    void closeLeavesNoSimulatorThread() throws Exception {
        FreeSwitchSimulator other = FreeSwitchSimulator.builder().build().start();
        String tag = other.threadTag();
        try (RawEslClient c = RawEslClient.login(other, "ALL")) {
            other.injectInboundCall("2000", Map.of());
            assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().endsWith("-" + tag)));
            assertTrue(other.liveThreads() >= 4, "engine, accept, and the connection's reader and writer (virtual)");
            other.close();
            assertEquals(0, other.liveThreads(), "virtual threads are joined too");
            assertTrue(c.closedByServer());
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().endsWith("-" + tag)),
                "simulator threads left after close()");
    }

    @Test
    void statsCount() {
        long before = fs.stats().channelsCreated();
        fs.injectInboundCall("2000", Map.of());
        SimStats s = fs.stats();
        assertEquals(before + 1, s.channelsCreated());
        assertTrue(s.liveChannels() >= 1);
    }
}
