package io.switchio.testkit.apps;

import io.switchio.testkit.engine.App;
import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.ChannelEvents;
import io.switchio.testkit.engine.HangupCause;
import io.switchio.testkit.engine.RunningApp;
import io.switchio.testkit.engine.SimEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Media applications: {@code playback} (PLAYBACK_START/STOP after the media's simulated length),
 * {@code endless_playback}, {@code echo}, {@code sleep}, {@code speak}.
 *
 * <p>Threading: engine thread only.
 */
public final class MediaApps {
    private MediaApps() {
    }

    /** Registers the apps. */
    public static void register(Map<String, App> apps) {
        apps.put("playback", (run, calls) -> playback(run, calls, false));
        apps.put("endless_playback", (run, calls) -> playback(run, calls, true));
        apps.put("echo", MediaApps::untilBroken);
        apps.put("sleep", (run, calls) -> {
            long ms = parseLong(run.data, 0);
            calls.apps().startTimer(run, ms, () -> calls.apps().complete(run));
        });
        apps.put("speak", (run, calls) -> {
            String[] parts = run.data.split("\\|");
            String text = parts[parts.length - 1];
            Channel ch = run.channel;
            boolean engine = parts.length >= 3 || ch.vars.get("tts_engine") != null;
            boolean voice = parts.length >= 2 || ch.vars.get("tts_voice") != null;
            if (!engine || !voice) {
                calls.hangup(ch, HangupCause.DESTINATION_OUT_OF_ORDER);
                return;
            }
            calls.apps().startTimer(run, 80L * Math.max(1, text.length()), () -> calls.apps().complete(run));
        });
    }

    private static void untilBroken(RunningApp run, CallControl calls) {
        run.hooks = new RunningApp.Hooks() { };
    }

    /** Media length in ms: tone_stream %(on,off,...) with loops, silence_stream://ms, WAV files; -1 = not found. */
    static long mediaMillis(String path) {
        if (path.startsWith("tone_stream://")) {
            long total = 0;
            int loops = 1;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("%\\((\\d+),(\\d+)").matcher(path);
            while (m.find()) {
                total += Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
            }
            java.util.regex.Matcher l = java.util.regex.Pattern.compile("loops=(-?\\d+)").matcher(path);
            if (l.find()) {
                loops = Integer.parseInt(l.group(1));
            }
            return loops < 0 ? Long.MAX_VALUE / 4 : Math.max(total, 20) * Math.max(loops, 1);
        }
        if (path.startsWith("silence_stream://")) {
            long ms = parseLong(path.substring(17).split(",")[0], 1000);
            return ms <= 0 ? Long.MAX_VALUE / 4 : ms;
        }
        if (path.startsWith("local_stream://")) {
            return Long.MAX_VALUE / 4;
        }
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            return -1;
        }
        try {
            long size = Files.size(p);
            return Math.max(20, (size - 44) * 1000 / 16000);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String fileType(String path) {
        int i = path.indexOf("://");
        return i > 0 ? path.substring(0, i) : null;
    }

    private static void playback(RunningApp run, CallControl calls, boolean endless) {
        String path = run.data.replaceFirst("^\\{[^}]*}", "");
        long ms = mediaMillis(path);
        if (ms < 0) {
            run.response = "FILE NOT FOUND";
            calls.apps().complete(run);
            return;
        }
        if (endless) {
            ms = Long.MAX_VALUE / 4;
        }
        Channel ch = run.channel;
        ChannelEvents ev = calls.events();
        fire(ev, "PLAYBACK_START", ch, path, null);
        long start = calls.engine().clock().nowMicros();
        Runnable stop = () -> {
            long played = Math.min((calls.engine().clock().nowMicros() - start) / 1000, Long.MAX_VALUE / 8);
            ch.vars.set("playback_seconds", Long.toString(played / 1000));
            ch.vars.set("playback_ms", Long.toString(played));
            ch.vars.set("playback_samples", Long.toString(played * 8));
        };
        run.response = "FILE PLAYED";
        run.hooks = new RunningApp.Hooks() {
            @Override
            public void onBreak() {
                stop.run();
                fire(ev, "PLAYBACK_STOP", ch, path, "break");
            }

            @Override
            public void onHangup() {
                stop.run();
                fire(ev, "PLAYBACK_STOP", ch, path, "done");
                run.response = "PLAYBACK ERROR";
            }
        };
        calls.apps().startTimer(run, ms, () -> {
            stop.run();
            fire(ev, "PLAYBACK_STOP", ch, path, "done");
            calls.apps().complete(run);
        });
    }

    private static void fire(ChannelEvents ev, String name, Channel ch, String path, String status) {
        if (!ev.wanted(name)) {
            return;
        }
        SimEvent e = ev.channelData(ev.begin(name), ch);
        e.add("Playback-File-Type", fileType(path)).add("Playback-File-Path", path).add("Playback-Status", status);
        ev.bus().fire(e);
    }

    static long parseLong(String s, long dflt) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
