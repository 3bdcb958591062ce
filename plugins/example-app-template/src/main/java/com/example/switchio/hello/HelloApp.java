package com.example.switchio.hello;

import io.switchio.spi.AppContext;
import io.switchio.spi.Callback;
import io.switchio.spi.Coroutine;
import io.switchio.spi.Prepost;
import io.switchio.spi.Session;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app: a plain object with marked methods. switchio calls {@link #setup} once per host, then
 * the marked methods for the events they name.
 *
 * <p>Threading: one instance serves every session; methods of different sessions run in parallel,
 * so state is thread-safe (an AtomicLong and a volatile field).
 */
public final class HelloApp implements Prepost {

    private final AtomicLong answered = new AtomicLong();
    private volatile Duration hold = Duration.ofSeconds(2);
    private volatile System.Logger log;

    @Override
    public void setup(AppContext context) {
        hold = context.parameters().getDuration("hold");
        log = context.logger();
        log.log(System.Logger.Level.INFO, "hello ready on {0}, holding calls for {1}", context.client().host(), hold);
    }

    /** A coroutine may block: answer() waits for CHANNEL_ANSWER. */
    @Coroutine("CHANNEL_PARK")
    public void onPark(Session session) {
        if (session.isInbound()) {
            session.answer();
            session.schedHangup(hold, "NORMAL_CLEARING");
        }
    }

    /** A callback should return quickly. */
    @Callback("CHANNEL_ANSWER")
    public void onAnswer(Session session) {
        long n = answered.incrementAndGet();
        if (log != null) {
            log.log(System.Logger.Level.DEBUG, "answered {0} ({1} so far)", session.uuid(), n);
        }
    }
}
