package io.switchio.testkit.esl;

import io.switchio.testkit.engine.EventSink;
import io.switchio.testkit.engine.SimClock;
import io.switchio.testkit.engine.SimEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Turns switch activity into the console log lines FreeSWITCH would write, for connections that
 * asked for them with {@code log <level>}: new channels and hangups (NOTICE), application runs
 * (DEBUG), API commands (INFO).
 *
 * <p>Threading: called by the event bus (under its lock); writes only queue frames.
 */
final class LogSink implements EventSink {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneId.systemDefault());

    private final EslServer server;
    private final SimClock clock;

    LogSink(EslServer server, SimClock clock) {
        this.server = server;
        this.clock = clock;
    }

    @Override
    public boolean wants(String eventName) {
        return server.anyoneLogging() && switch (eventName) {
            case "CHANNEL_CREATE", "CHANNEL_HANGUP", "CHANNEL_EXECUTE", "API" -> true;
            default -> false;
        };
    }

    @Override
    public void deliver(SimEvent e) {
        if (!wants(e.eventName())) {
            return;
        }
        String uuid = e.get("Unique-ID");
        String name = e.get("Channel-Name");
        switch (e.eventName()) {
            case "CHANNEL_CREATE" -> line(5, uuid, "switch_core_state_machine.c", "switch_core_session_run", 626,
                    "New Channel " + name + " [" + uuid + "]");
            case "CHANNEL_HANGUP" -> line(5, uuid, "switch_channel.c", "switch_channel_perform_hangup", 3445,
                    "Hangup " + name + " [" + e.get("Channel-State") + "] [" + e.get("Hangup-Cause") + "]");
            case "CHANNEL_EXECUTE" -> line(7, uuid, "switch_core_session.c", "switch_core_session_exec", 2902,
                    "EXECUTE [depth=0] " + name + " " + e.get("Application") + "("
                            + (e.get("Application-Data") == null ? "" : e.get("Application-Data")) + ")");
            default -> line(6, null, "switch_loadable_module.c", "switch_api_execute", 2954,
                    "API command: " + e.get("API-Command") + " " + (e.get("API-Command-Argument") == null ? ""
                            : e.get("API-Command-Argument")));
        }
    }

    private void line(int level, String uuid, String file, String func, int lineNo, String text) {
        String label = switch (level) {
            case 5 -> "NOTICE";
            case 6 -> "INFO";
            default -> "DEBUG";
        };
        String stamp = TIME.format(Instant.ofEpochSecond(0, clock.nowMicros() * 1000));
        server.log(level, uuid, file, func, lineNo,
                stamp + " 99.00% [" + label + "] " + file + ":" + lineNo + " " + text + "\n");
    }
}
