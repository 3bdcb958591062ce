package io.switchio.testkit.esl;

import io.switchio.testkit.engine.EventFormat;
import io.switchio.testkit.engine.SimEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write side of one ESL connection: a queue of frames and events written by one thread.
 * Replies keep command order; events are held while a command executes (§7.5) and released after
 * its reply; the event count is bounded with FreeSWITCH's slow-consumer policy (§4.7): drop when
 * full, kill the listener after more than {@code maxLost} consecutive drops.
 *
 * <p>Threading: {@link #run()} on the connection's writer thread; everything else from the reader
 * thread or the event bus (under the internal lock, never blocking).
 */
final class ConnectionWriter implements Runnable {
    private static final Object CLOSE = new Object();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<Object> out = new ArrayDeque<>();
    private final ArrayList<SimEvent> held = new ArrayList<>();
    private final OutputStream socketOut;
    private final Runnable closer;
    private final int limit;
    private final int maxLost;
    private volatile EventFormat format = EventFormat.PLAIN;
    private volatile long stallUntilNanos;
    private boolean holding;
    private boolean closed;
    private int queuedEvents;
    private int lostInRow;
    private long written;

    ConnectionWriter(OutputStream socketOut, Runnable closer, int limit, int maxLost) {
        this.socketOut = socketOut;
        this.closer = closer;
        this.limit = limit;
        this.maxLost = maxLost;
    }

    void format(EventFormat f) {
        this.format = f;
    }

    EventFormat format() {
        return format;
    }

    void stall(long nanos) {
        stallUntilNanos = System.nanoTime() + nanos;
    }

    long eventsWritten() {
        return written;
    }

    /** Queues an event, or drops it when the queue is full. */
    void offerEvent(SimEvent e) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (queuedEvents >= limit) {
                if (++lostInRow > maxLost) {
                    out.removeIf(o -> o instanceof SimEvent);
                    held.clear();
                    queuedEvents = 0;
                    out.add(Frames.disconnect(Frames.LOST_EVENTS));
                    out.add(CLOSE);
                    closed = true;
                    ready.signal();
                }
                return;
            }
            lostInRow = 0;
            queuedEvents++;
            if (holding) {
                held.add(e);
            } else {
                out.add(e);
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Queues a frame (reply, notice, log line). */
    void send(byte[] frame) {
        lock.lock();
        try {
            if (!closed) {
                out.add(frame);
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Queues a last frame; the socket closes after it is written. */
    void sendAndClose(byte[] frame) {
        lock.lock();
        try {
            if (!closed) {
                if (frame != null) {
                    out.add(frame);
                }
                out.add(CLOSE);
                closed = true;
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Holds events from now on (a command started executing). */
    void hold() {
        lock.lock();
        try {
            holding = true;
        } finally {
            lock.unlock();
        }
    }

    /** Releases held events behind what is queued (the reply). */
    void release() {
        lock.lock();
        try {
            holding = false;
            out.addAll(held);
            held.clear();
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Drops queued, unsent events ({@code noevents}). */
    void discardEvents() {
        lock.lock();
        try {
            out.removeIf(o -> o instanceof SimEvent);
            held.clear();
            queuedEvents = 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                Object item = take();
                if (item == CLOSE) {
                    socketOut.flush();
                    break;
                }
                long stall = stallUntilNanos - System.nanoTime();
                if (stall > 0) {
                    socketOut.flush();
                    TimeUnit.NANOSECONDS.sleep(stall);
                }
                if (item instanceof SimEvent e) {
                    socketOut.write(e.frame(format));
                    written++;
                } else {
                    socketOut.write((byte[]) item);
                }
                if (isEmpty()) {
                    socketOut.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // peer gone or simulator closing: the reader side sees it too and cleans up
        } finally {
            closer.run();
        }
    }

    private Object take() throws InterruptedException {
        lock.lock();
        try {
            while (out.isEmpty()) {
                ready.await();
            }
            Object o = out.poll();
            if (o instanceof SimEvent) {
                queuedEvents--;
            }
            return o;
        } finally {
            lock.unlock();
        }
    }

    private boolean isEmpty() {
        lock.lock();
        try {
            return out.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
