package io.switchio.testkit.apps;

import io.switchio.testkit.engine.App;
import io.switchio.testkit.engine.AppRunner;
import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.ChannelEvents;
import io.switchio.testkit.engine.Recording;
import io.switchio.testkit.engine.SimEvent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

/**
 * Recording: {@code record_session}/{@code stop_record_session} apps and {@code uuid_record}
 * (RECORD_START + MEDIA_BUG_START, RECORD_STOP + MEDIA_BUG_STOP), writing a valid 8 kHz 16-bit mono
 * WAV file of silence, as long as the simulated recording, where the path says.
 *
 * <p>Threading: engine thread only.
 */
public final class RecordApps implements App, AppRunner.RecordingStopper {
    private RecordApps() {
    }

    /** Registers both apps. */
    public static RecordApps register(Map<String, App> apps) {
        RecordApps r = new RecordApps();
        apps.put("record_session", (run, calls) -> {
            String path = run.data.trim().split(" ")[0];
            r.start(run.channel, calls, path);
            calls.apps().complete(run);
        });
        apps.put("stop_record_session", r);
        return r;
    }

    @Override
    public void start(io.switchio.testkit.engine.RunningApp run, CallControl calls) {
        stop(run.channel, calls, run.data.trim());
        calls.apps().complete(run);
    }

    /** Starts a recording (uuid_record start / record_session). */
    public void start(Channel ch, CallControl calls, String path) {
        ch.addRecording(new Recording(path, calls.engine().clock().nowMicros(), 0));
        fire(calls.events(), "RECORD_START", ch, path, null);
        bug(calls.events(), "MEDIA_BUG_START", ch, path);
    }

    /** Stops one recording or {@code all}; false if nothing matched. */
    public boolean stop(Channel ch, CallControl calls, String path) {
        if (ch.recordings == null) {
            return false;
        }
        boolean any = false;
        for (Recording r : new ArrayList<>(ch.recordings)) {
            if (path.equals("all") || r.path.equals(path)) {
                ch.recordings.remove(r);
                long ms = (calls.engine().clock().nowMicros() - r.startedMicros) / 1000;
                ch.vars.set("record_seconds", Long.toString(ms / 1000));
                ch.vars.set("record_ms", Long.toString(ms));
                ch.vars.set("record_samples", Long.toString(ms * 8));
                writeWav(Path.of(r.path), ms);
                fire(calls.events(), "RECORD_STOP", ch, r.path, "success");
                bug(calls.events(), "MEDIA_BUG_STOP", ch, r.path);
                any = true;
            }
        }
        return any;
    }

    @Override
    public void stopAll(Channel ch, CallControl calls) {
        stop(ch, calls, "all");
    }

    private static void fire(ChannelEvents ev, String name, Channel ch, String path, String cause) {
        if (ev.wanted(name)) {
            SimEvent e = ev.channelData(ev.begin(name), ch);
            e.add("Record-File-Path", path).add("Record-Completion-Cause", cause);
            ev.bus().fire(e);
        }
    }

    private static void bug(ChannelEvents ev, String name, Channel ch, String path) {
        if (ev.wanted(name)) {
            SimEvent e = ev.channelData(ev.begin(name), ch);
            e.add("Media-Bug-Function", "session_record").add("Media-Bug-Target", path);
            ev.bus().fire(e);
        }
    }

    /** A PCM WAV header plus {@code ms} of silence at 8 kHz, 16 bit, mono. */
    static void writeWav(Path path, long ms) {
        int dataBytes = (int) Math.min(Integer.MAX_VALUE - 44, ms * 16);
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.write(path, b.array());
        } catch (IOException e) {
            System.getLogger("io.switchio.testkit").log(System.Logger.Level.WARNING,
                    "simulator could not write recording " + path + ": " + e);
        }
    }
}
