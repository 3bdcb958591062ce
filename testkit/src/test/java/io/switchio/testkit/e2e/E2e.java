package io.switchio.testkit.e2e;

import io.switchio.kernel.Kernel;
import io.switchio.testkit.FreeSwitchSimulator;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Shared wiring of the end-to-end tests: a simulator and a kernel connected to it. Threading: test thread. */
final class E2e {

    static final Duration WAIT = Duration.ofSeconds(10);

    private E2e() {
    }

    static FreeSwitchSimulator simulator() {
        return FreeSwitchSimulator.builder().port(0).password("ClueCon").speed(1.0).maxSessions(0).build().start();
    }

    static Kernel.Builder kernel(FreeSwitchSimulator fs) {
        return Kernel.builder().host(fs.host(), fs.port()).password(fs.password())
                .reconnect(Duration.ofMillis(50), Duration.ofMillis(500), 0);
    }

    /** Waits for a condition (fails after {@link #WAIT}) with a message built at failure time. */
    static void await(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
