package io.switchio.kernel.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void gapsAddUpAndALateEventFillsTheGapItOpened() {
        SequenceTracker t = new SequenceTracker("h");
        for (long seq : new long[] {1, 2, 5, 6}) {
            t.track(seq);
        }
        assertEquals(2, t.lost());
        t.track(4); // reordered: it was not lost after all
        assertEquals(1, t.lost());
        t.track(-1); // events without a sequence are ignored
        t.track(7);
        assertEquals(1, t.lost());
    }

    @Test
    void aResetStartsOverSoAReconnectIsNotALoss() {
        SequenceTracker t = new SequenceTracker("h");
        t.track(10);
        t.reset();
        t.track(500);
        t.track(501);
        assertEquals(0, t.lost());
    }

    @Test
    void manyGapsAreAllCountedWhateverTheWarningRate() {
        SequenceTracker t = new SequenceTracker("h");
        for (long seq = 0; seq < 10_000; seq += 2) {
            t.track(seq);
        }
        assertEquals(4_999, t.lost());
    }
}
