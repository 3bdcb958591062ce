package io.switchio.testkit;

import io.switchio.testkit.api.ApiDispatcher;
import io.switchio.testkit.api.CoreApis;
import io.switchio.testkit.api.Legs;
import io.switchio.testkit.api.OriginateApi;
import io.switchio.testkit.api.UuidApis;
import io.switchio.testkit.apps.BertApp;
import io.switchio.testkit.apps.CallApps;
import io.switchio.testkit.apps.MediaApps;
import io.switchio.testkit.apps.RecordApps;
import io.switchio.testkit.apps.SocketApp;
import io.switchio.testkit.engine.App;
import io.switchio.testkit.engine.AppRunner;
import io.switchio.testkit.engine.BridgeControl;
import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.EventBus;
import io.switchio.testkit.engine.EventSink;
import io.switchio.testkit.engine.SimClock;
import io.switchio.testkit.engine.SimConfig;
import io.switchio.testkit.engine.SimEvent;
import io.switchio.testkit.engine.SwitchEngine;
import io.switchio.testkit.esl.EslServer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The parts of one simulated switch wired together (engine, call control, apps, API commands, ESL server),
 * and the switch-wide operations that reach across them: a process restart and the verbose call lines.
 * Assembling starts no thread; {@link FreeSwitchSimulator#start()} starts the engine and server.
 *
 * <p>Threading: assembled by {@code start()}; {@link #restartSwitch()} from any thread (it runs on the engine
 * thread).
 *
 * @param bus the event bus
 * @param engine the switch engine
 * @param legs the leg factory
 * @param server the ESL server (not yet listening)
 */
record SimSwitch(EventBus bus, SwitchEngine engine, Legs legs, EslServer server) {

    /** Builds and wires every part for {@code config}, the server to listen on {@code port}. */
    static SimSwitch assemble(SimConfig config, int port) {
        SimClock clock = new SimClock(config.speed());
        EventBus bus = new EventBus(clock, config.hostname(), UUID.randomUUID().toString());
        SwitchEngine engine = new SwitchEngine(config, clock, bus);
        CallControl calls = new CallControl(engine);
        Legs legs = new Legs(engine, calls);
        OriginateApi originate = new OriginateApi(engine, calls, legs);
        Map<String, App> apps = new HashMap<>();
        MediaApps.register(apps);
        CallApps.register(apps, originate);
        RecordApps recorder = RecordApps.register(apps);
        apps.put("bert_test", new BertApp());
        calls.wire(new AppRunner(calls, apps), new BridgeControl(calls));
        ApiDispatcher apis = new ApiDispatcher(engine, calls);
        apis.register("originate", originate);
        engine.expansionApi(apis::executeNow);
        UuidApis uuidApis = new UuidApis(engine, calls, recorder);
        uuidApis.register(apis);
        apps.put("transfer", uuidApis::transferApp);
        EslServer server = new EslServer(engine, apis, port);
        apps.put("socket", new SocketApp(server));
        new CoreApis(engine, apis, server::shutdownConnections).register(apis);
        return new SimSwitch(bus, engine, legs, server);
    }

    /** Reports a line per call leg created and hung up. */
    void callLines(Consumer<String> lines) {
        bus.register(new EventSink() {
            @Override
            public boolean wants(String eventName) {
                return eventName.equals("CHANNEL_CREATE") || eventName.equals("CHANNEL_HANGUP_COMPLETE");
            }

            @Override
            public void deliver(SimEvent e) {
                if (wants(e.eventName())) {
                    lines.accept(e.eventName().equals("CHANNEL_CREATE")
                            ? "call " + e.get("Unique-ID") + " " + e.get("Call-Direction") + " " + e.get("Channel-Name")
                                    + " -> " + e.get("Caller-Destination-Number")
                            : "hangup " + e.get("Unique-ID") + " " + e.get("Hangup-Cause"));
                }
            }
        });
    }

    /** A process restart: connections drop, every channel disappears, new Core-UUID, sequence from 1. */
    void restartSwitch() {
        server.dropConnections();
        engine.call(() -> {
            for (Channel ch : engine.sortedChannels()) {
                ch.hangingUp = true;
                ch.destroyed = true;
                if (ch.current != null) {
                    ch.current.cancelTimer();
                }
                if (ch.originateWait != null && ch.originateWait.timeout != null) {
                    ch.originateWait.timeout.cancel(false);
                }
                ch.queue.clear();
                engine.remove(ch);
            }
            bus.restart(UUID.randomUUID().toString());
            return null;
        });
    }
}
