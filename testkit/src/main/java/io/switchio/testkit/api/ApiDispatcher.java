package io.switchio.testkit.api;

import io.switchio.testkit.engine.CallControl;
import io.switchio.testkit.engine.ChannelEvents;
import io.switchio.testkit.engine.SimEvent;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The API command table: runs {@code api}/{@code bgapi} command lines on the engine thread, fires
 * the {@code API} event, and answers {@code -ERR <name> Command not found!} for unknown names.
 *
 * <p>Threading: {@link #register} before start; {@link #execute} from any thread.
 */
public final class ApiDispatcher {
    private final SwitchEngine engine;
    private final CallControl calls;
    private final Map<String, ApiHandler> handlers = new HashMap<>();
    private UuidApis uuidApis;

    /** A dispatcher over these calls; register handlers before use. */
    public ApiDispatcher(SwitchEngine engine, CallControl calls) {
        this.engine = engine;
        this.calls = calls;
    }

    /** The switch. */
    public SwitchEngine engine() {
        return engine;
    }

    /** Call control of the switch. */
    public CallControl calls() {
        return calls;
    }

    /** The uuid_* commands (sendmsg xferext reuses their transfer). */
    public UuidApis uuidApis() {
        return uuidApis;
    }

    void useUuidApis(UuidApis apis) {
        this.uuidApis = apis;
    }

    /** Adds a command. */
    public void register(String name, ApiHandler handler) {
        handlers.put(name, handler);
    }

    /** Runs a command line ({@code name args}); {@code jobUuid} is set when it runs as a bgapi job. */
    public CompletableFuture<String> execute(String commandLine, String jobUuid) {
        String line = commandLine.trim();
        int sp = line.indexOf(' ');
        String name = sp < 0 ? line : line.substring(0, sp);
        String args = sp < 0 ? "" : line.substring(sp + 1).trim();
        fireApiEvent(name, args);
        ApiHandler h = handlers.get(name);
        if (h == null) {
            return ApiHandler.done("-ERR " + name + " Command not found!\n");
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        engine.execute(() -> {
            try {
                h.run(args).whenComplete((out, err) -> {
                    if (err != null) {
                        result.complete("-ERR " + err.getMessage() + "\n");
                    } else {
                        result.complete(out);
                    }
                });
            } catch (RuntimeException e) {
                result.complete("-ERR " + e.getMessage() + "\n");
            }
        });
        return result;
    }

    /**
     * Runs an API on the engine thread for a {@code ${api args}} expansion: its output if the API
     * answers at once, else null (a slow API such as {@code originate} cannot block the engine).
     */
    public String executeNow(String name, String args) {
        fireApiEvent(name, args);
        ApiHandler h = handlers.get(name);
        if (h == null) {
            return null;
        }
        try {
            CompletableFuture<String> f = h.run(args);
            return f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void fireApiEvent(String name, String args) {
        ChannelEvents ev = engine.events();
        if (ev.wanted("API")) {
            SimEvent e = ev.begin("API").add("API-Command", name).add("API-Command-Argument", args);
            ev.bus().fire(e);
        }
    }
}
