package io.switchio.testkit;

import io.switchio.testkit.api.CoreApis;
import io.switchio.testkit.api.Legs;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.ChannelEvents;
import io.switchio.testkit.engine.SimConfig;
import io.switchio.testkit.engine.SimEvent;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Periodic work of the switch: HEARTBEAT (+ RE_SCHEDULE) every interval, and the inbound call
 * arrival process (exponential inter-arrival times).
 *
 * <p>Threading: scheduled on the engine thread; start/close by the simulator.
 */
final class Heartbeats implements AutoCloseable {
    private final SwitchEngine engine;
    private final Legs legs;
    private final SimConfig config;
    private volatile Future<?> beat;
    private volatile Future<?> arrival;
    private volatile boolean closed;

    Heartbeats(SwitchEngine engine, Legs legs, SimConfig config) {
        this.engine = engine;
        this.legs = legs;
        this.config = config;
    }

    void start() {
        engine.execute(this::heartbeat);
        if (config.arrivalsPerSecond() > 0) {
            arrival = engine.schedule(this::arrive, nextArrivalMillis());
        }
    }

    private void heartbeat() {
        if (closed) {
            return;
        }
        ChannelEvents ev = engine.events();
        long up = engine.clock().uptimeMillis();
        if (ev.wanted("HEARTBEAT")) {
            long s = up / 1000;
            SimEvent e = ev.begin("HEARTBEAT").add("Event-Info", "System Ready")
                    .add("Up-Time", "0 years, " + s / 86400 + " days, " + s / 3600 % 24 + " hours, " + s / 60 % 60
                            + " minutes, " + s % 60 + " seconds, " + up % 1000 + " milliseconds, 0 microseconds")
                    .add("FreeSWITCH-Version", CoreApis.VERSION).add("Uptime-msec", Long.toString(up))
                    .add("Session-Count", Integer.toString(engine.sessionCount()))
                    .add("Max-Sessions", Integer.toString(engine.maxSessions()))
                    .add("Session-Per-Sec", Integer.toString(engine.sessionsPerSecond()))
                    .add("Session-Per-Sec-Last", "0").add("Session-Per-Sec-Max", "0")
                    .add("Session-Per-Sec-FiveMin", "0")
                    .add("Session-Since-Startup", Long.toString(engine.created()))
                    .add("Session-Peak-Max", Integer.toString(engine.peakSessions()))
                    .add("Session-Peak-FiveMin", Integer.toString(engine.peakSessions())).add("Idle-CPU", "99.000000");
            engine.bus().fire(e);
        }
        long period = Math.max(1, config.heartbeat().toMillis());
        if (ev.wanted("RE_SCHEDULE")) {
            SimEvent r = ev.begin("RE_SCHEDULE").add("Task-ID", "1").add("Task-Desc", "heartbeat")
                    .add("Task-Group", "core")
                    .add("Task-Runtime", Long.toString((engine.clock().nowMicros() / 1000 + period) / 1000));
            engine.bus().fire(r);
        }
        beat = engine.schedule(this::heartbeat, period);
    }

    private long nextArrivalMillis() {
        double u = ThreadLocalRandom.current().nextDouble();
        return (long) (-Math.log(1 - u) / config.arrivalsPerSecond() * 1000);
    }

    private void arrive() {
        if (closed) {
            return;
        }
        if (engine.admit() == null) {
            Map.Entry<String, Integer> p = config.sipProfiles().entrySet().iterator().next();
            Channel ch = legs.inboundSip(p.getKey(), p.getValue(), "sipp", "127.0.0.1", 5070,
                    config.arrivalDestination(), Map.of(), null);
            ch.callerHoldMillis = config.callerHoldTime().toMillis();
        }
        arrival = engine.schedule(this::arrive, nextArrivalMillis());
    }

    @Override
    public void close() {
        closed = true;
        Future<?> b = beat;
        if (b != null) {
            b.cancel(false);
        }
        Future<?> a = arrival;
        if (a != null) {
            a.cancel(false);
        }
    }
}
