package io.switchio.launcher.serve;

import io.switchio.kernel.Kernel;
import io.switchio.launcher.Escaped;
import io.switchio.launcher.ExitCode;
import io.switchio.launcher.LauncherException;
import io.switchio.launcher.conf.HostAddress;
import io.switchio.launcher.conf.LaunchSettings;
import io.switchio.launcher.plugin.PluginRegistry.ResolvedApp;
import io.switchio.spi.AppLoadException;
import io.switchio.spi.AppOptions;
import io.switchio.spi.AuthRefusedException;
import io.switchio.spi.Client;
import io.switchio.spi.Session;
import io.switchio.testkit.FreeSwitchSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serve: starts the embedded simulator when a host is {@code sim}, starts the kernel, loads the
 * apps, prints a progress line per interval, and stops cleanly after {@code --for}, on Ctrl-C or on
 * SIGTERM: hang up our calls (when configured), disconnect, stop the simulator.
 *
 * <p>Threading: {@link #run} runs on the main thread and owns the kernel and simulator. It
 * registers a JVM shutdown hook (thread {@code switchio-shutdown}) that asks the main thread to
 * stop and waits for it; whichever thread stops first does the work once.
 */
public final class ServeRun {

    /** Password of the embedded simulator when none was given. */
    static final String SIMULATOR_DEFAULT_PASSWORD = "ClueCon";
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration HANGUP_WAIT = Duration.ofSeconds(5);

    private final LaunchSettings settings;
    private final List<ResolvedApp> apps;
    private final PrintWriter out;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Kernel kernel;
    private volatile FreeSwitchSimulator simulator;
    private volatile long servingSince = System.nanoTime();

    /** A serve of resolved apps; nothing starts before {@link #run}. */
    public ServeRun(LaunchSettings settings, List<ResolvedApp> apps, PrintWriter out) {
        this.settings = settings;
        this.apps = List.copyOf(apps);
        this.out = out;
    }

    /**
     * Serves until {@code runFor} passes or the process is told to stop.
     *
     * @return {@link ExitCode#OK} after a clean stop
     * @throws LauncherException when FreeSWITCH refuses the password or an app does not load
     */
    public ExitCode run() {
        Thread hook = new Thread(this::stopFromSignal, "switchio-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String password = settings.password() != null ? settings.password() : SIMULATOR_DEFAULT_PASSWORD;
            if (settings.usesSimulator()) {
                startSimulator(password);
            }
            kernel = buildKernel(password);
            kernel.start();
            loadApps();
            servingSince = System.nanoTime(); // --for and the progress clock count from here, not from JVM start
            out.printf("switchio: serving %s on %s (group '%s'); %s%n", apps.stream().map(a -> a.entry().appId()).toList(),
                    hostsForHumans(), settings.group(),
                    settings.runFor() == null ? "Ctrl-C stops" : "stopping after " + settings.runFor().toSeconds() + "s or on Ctrl-C");
            out.flush();
            awaitStop(servingSince);
        } catch (AuthRefusedException e) {
            throw new LauncherException(ExitCode.CONNECT, "FreeSWITCH refused the ESL password: " + e.getMessage(), e);
        } finally {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for us, then the JVM exits with the signal's status
            }
        }
        return ExitCode.OK;
    }

    private void startSimulator(String password) {
        LaunchSettings.SimSettings sim = settings.sim();
        FreeSwitchSimulator.Builder b = FreeSwitchSimulator.builder().port(sim.port()).password(password).speed(sim.speed());
        if (sim.arrivals() > 0) {
            b.inboundArrivals(sim.arrivals(), sim.destination());
        }
        b.callerHoldTime(sim.hold());
        simulator = b.build();
        simulator.start();
        out.printf("switchio: embedded FreeSWITCH simulator listening on %s:%d, injecting %s call(s)/s to '%s'%s%n",
                simulator.host(), simulator.port(), fmt(sim.arrivals()), sim.destination(),
                sim.hold().isZero() ? "" : ", callers hang up after " + fmt(sim.hold().toMillis() / 1000.0) + "s");
        out.flush();
    }

    private Kernel buildKernel(String password) {
        Kernel.Builder b = Kernel.builder().password(password).appHeaders(settings.activationHeaders())
                .trackingHeader(settings.trackingHeader()).connectTimeout(settings.connectTimeout())
                .commandTimeout(settings.commandTimeout())
                .reconnect(settings.reconnectMin(), settings.reconnectMax(), settings.reconnectAttempts());
        for (HostAddress h : settings.hosts()) {
            if (h.simulator()) {
                b.host(simulator.host(), simulator.port());
            } else {
                b.host(h.host(), h.port());
            }
        }
        return b.build();
    }

    private void loadApps() {
        for (ResolvedApp app : apps) {
            try {
                String group = kernel.loadApp(app.provider(), new AppOptions(settings.group(), null, app.parameters(), false));
                log().info("loaded app {} {} from {} under group '{}'", app.entry().appId(), Escaped.of(app.parameters().asMap()),
                        app.entry().plugin().path().getFileName(), Escaped.of(group));
            } catch (AppLoadException e) {
                throw new LauncherException(ExitCode.PLUGIN, "app '" + app.entry().appId() + "' did not load: " + e.getMessage(), e);
            }
        }
    }

    private void awaitStop(long startNanos) {
        Duration interval = settings.progressInterval();
        long deadline = settings.runFor() == null ? Long.MAX_VALUE : startNanos + settings.runFor().toNanos();
        long nextProgress = interval.isZero() ? Long.MAX_VALUE : System.nanoTime() + interval.toNanos();
        try {
            while (true) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    out.printf("switchio: %ss passed (--for); stopping%n", settings.runFor().toSeconds());
                    return;
                }
                long wake = Math.min(deadline, nextProgress);
                if (stopRequested.await(Math.max(1, wake - now), TimeUnit.NANOSECONDS)) {
                    out.println("switchio: stop requested (signal); stopping");
                    return;
                }
                long woke = System.nanoTime();
                if (woke - deadline < 0 && woke - nextProgress >= 0) { // at the deadline, stop() prints the final line
                    out.println(ProgressLine.of(Duration.ofNanos(System.nanoTime() - startNanos), kernel.cluster()));
                    out.flush();
                    nextProgress += interval.toNanos();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.flush();
        }
    }

    /** Runs on the shutdown hook thread: asks the main thread to stop and waits for the stop. */
    private void stopFromSignal() {
        stopRequested.countDown();
        try {
            if (!stopped.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log().warn("the main thread did not stop within {}s; stopping from the signal handler", STOP_WAIT.toSeconds());
                stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            Kernel k = kernel;
            String problem = null;
            if (k != null) {
                if (settings.hangupOnStop()) {
                    problem = hangUpOurCalls(k);
                }
                out.println(ProgressLine.finalLine(Duration.ofNanos(System.nanoTime() - servingSince), k.cluster()));
                k.close();
            }
            FreeSwitchSimulator s = simulator;
            if (s != null) {
                s.close();
            }
            out.println(problem == null ? "switchio: stopped cleanly" : "switchio: stopped, but " + problem);
            out.flush();
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Hangs up the calls of our groups (the kernel's hupall covers the default group too, by uuid)
     * and waits (bounded) until FreeSWITCH reports the legs that were up at that moment gone.
     * Calls that arrive while stopping are not waited for: on the embedded simulator they end with
     * it, and a real FreeSWITCH keeps them parked.
     *
     * @return what went wrong, for the last line, or {@code null} when every such leg is gone
     */
    private String hangUpOurCalls(Kernel k) {
        Map<Client, List<String>> up = new LinkedHashMap<>();
        for (Client c : k.cluster().clients()) {
            up.put(c, c.sessions().stream().map(Session::uuid).toList());
        }
        try {
            k.hupall();
        } catch (RuntimeException e) {
            log().warn("hanging up our calls failed: {}", Escaped.of(e));
            return "hanging up our calls failed: " + Escaped.of(e.getMessage());
        }
        long deadline = System.nanoTime() + HANGUP_WAIT.toNanos();
        while (stillUp(up) > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        long left = stillUp(up);
        if (left > 0) {
            log().warn("{} call leg(s) still up {}s after hupall; disconnecting anyway", left, HANGUP_WAIT.toSeconds());
            return left + " call leg(s) were still up " + HANGUP_WAIT.toSeconds() + "s after hanging up our calls";
        }
        return null;
    }

    private static long stillUp(Map<Client, List<String>> legs) {
        return legs.entrySet().stream().mapToLong(e -> e.getValue().stream().filter(u -> e.getKey().session(u).isPresent()).count()).sum();
    }

    private String hostsForHumans() {
        return settings.hosts().stream().map(h -> h.simulator() ? "sim (" + simulator.host() + ":" + simulator.port() + ")" : h.toString()).toList().toString();
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static Logger log() {
        return LoggerFactory.getLogger(ServeRun.class);
    }
}
