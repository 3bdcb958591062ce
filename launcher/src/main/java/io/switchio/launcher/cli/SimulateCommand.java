package io.switchio.launcher.cli;

import io.switchio.launcher.ExitCode;
import io.switchio.launcher.logging.LoggingSetup;
import io.switchio.testkit.FreeSwitchSimulator;
import io.switchio.testkit.SimChannel;
import io.switchio.testkit.SimStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code switchio simulate}: runs the FreeSWITCH simulator in the foreground, so another switchio
 * (or any ESL client) can connect to it.
 *
 * <p>Threading: runs on the main thread, which polls the simulator for the call lines; a shutdown
 * hook ({@code switchio-simulate-stop}) wakes it on Ctrl-C / SIGTERM and waits for the close.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the FreeSWITCH simulator in the foreground until --for passes, Ctrl-C or SIGTERM.")
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8021", description = "ESL port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "ClueCon", description = "ESL password clients must give (default: ClueCon).")
    private String password;

    @Option(names = "--arrivals", paramLabel = "CALLS_PER_SECOND", defaultValue = "0",
            description = "Inbound calls per second to inject (default: none).")
    private double arrivals;

    @Option(names = "--destination", paramLabel = "NUMBER", defaultValue = "switchio", description = "Destination of injected calls (default: ${DEFAULT-VALUE}).")
    private String destination;

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1", description = "Time factor of the simulated calls (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--calls", description = "Print a line per call leg created and destroyed.")
    private boolean printCalls;

    @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class, description = "Run this long, then stop.")
    private Duration runFor;

    @Mixin
    private LoggingOptions logging;

    @Override
    public Integer call() throws InterruptedException {
        new LoggingSetup(logging.level() == null ? "info" : logging.level()).install();
        PrintWriter out = spec.commandLine().getOut();
        FreeSwitchSimulator.Builder b = FreeSwitchSimulator.builder().port(port).password(password).speed(speed);
        if (arrivals > 0) {
            b.inboundArrivals(arrivals, destination);
        }
        FreeSwitchSimulator sim = b.build();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "switchio-simulate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            sim.start();
            out.printf("switchio simulate: FreeSWITCH simulator listening on %s:%d (ESL password set; %s)%n", sim.host(), sim.port(),
                    arrivals > 0 ? "injecting " + java.math.BigDecimal.valueOf(arrivals).stripTrailingZeros().toPlainString()
                            + " call(s)/s to '" + destination + "'" : "no calls injected");
            out.flush();
            watch(sim, out, stop);
        } finally {
            SimStats stats = sim.stats();
            sim.close();
            out.printf("switchio simulate: stopped; %d leg(s) created, %d destroyed, %d ESL connection(s) served%n",
                    stats.channelsCreated(), stats.channelsDestroyed(), stats.connectionsAccepted());
            out.flush();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and waits for closed
            }
        }
        return ExitCode.OK.code();
    }

    private void watch(FreeSwitchSimulator sim, PrintWriter out, CountDownLatch stop) throws InterruptedException {
        long deadline = runFor == null ? Long.MAX_VALUE : System.nanoTime() + runFor.toNanos();
        Map<String, SimChannel> known = new HashMap<>();
        while (!stop.await(printCalls ? 100 : 500, TimeUnit.MILLISECONDS) && System.nanoTime() - deadline < 0) {
            if (!printCalls) {
                continue;
            }
            Set<String> now = new HashSet<>();
            for (SimChannel c : sim.channels()) {
                now.add(c.uuid());
                if (known.putIfAbsent(c.uuid(), c) == null) {
                    out.printf("call leg %s %s created (%s)%n", c.uuid(), c.direction(), c.name());
                }
            }
            known.keySet().removeIf(uuid -> {
                if (!now.contains(uuid)) {
                    out.printf("call leg %s destroyed%n", uuid);
                    return true;
                }
                return false;
            });
            out.flush();
        }
    }
}
