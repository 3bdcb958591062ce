package io.switchio.testkit.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * An originate waiting for its leg: completes with {@code +OK <uuid>\n} on answer (or early media
 * unless {@code ignore_early_media}) and {@code -ERR <CAUSE>\n} on failure.
 *
 * <p>Threading: created and completed on the engine thread; the future may be awaited anywhere.
 */
public final class OriginateWait {
    /** The API reply, completed once the leg is up or failed. */
    public final CompletableFuture<String> result = new CompletableFuture<>();
    /** {@code ignore_early_media}: only an answer completes it. */
    public final boolean ignoreEarlyMedia;
    /** The destination to run once up: {@code &app(args)} as app/arg, or an extension (app null). */
    public final String app;
    /** The argument of {@link #app}. */
    public final String appArg;
    /** The extension to route to when {@link #app} is null. */
    public final String extension;
    /** The {@code originate_timeout} timer, or null. */
    public Future<?> timeout;
    /** Dialplan of an extension destination ({@code inline}: the extension is {@code app:arg,app:arg}). */
    public String dialplan;
    /** The simultaneous legs this one races against ({@code a,b} dial strings), or null. */
    public Race race;

    /** Legs rung at the same time: the first one up wins, the others are hung up with LOSE_RACE. */
    public static final class Race {
        /** The racing legs. */
        public final java.util.List<Channel> legs = new java.util.ArrayList<>();
        /** True once one leg won. */
        public boolean decided;

        /** An undecided race without legs yet. */
        public Race() {
        }
    }

    /** A wait for a leg that runs {@code app(appArg)} or goes to {@code extension} once up. */
    public OriginateWait(boolean ignoreEarlyMedia, String app, String appArg, String extension) {
        this.ignoreEarlyMedia = ignoreEarlyMedia;
        this.app = app;
        this.appArg = appArg;
        this.extension = extension;
    }
}
