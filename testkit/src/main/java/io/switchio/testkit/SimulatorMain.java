package io.switchio.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone: {@code --port N} (default 8021), {@code --password P}
 * (default ClueCon), {@code --verbose} (a line per call leg created and hung up, and counters every 5 s). Prints where it listens and runs
 * until the process is stopped. (The launcher's {@code switchio simulate} wraps this; printing to
 * stdout is this entry point's job.)
 *
 * <p>Threading: the main thread waits; the simulator runs its own threads.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    /**
     * Entry point.
     *
     * @param args the command-line options
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 8021;
        String password = "ClueCon";
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--password" -> password = args[++i];
                case "--verbose" -> verbose = true;
                default -> {
                    System.err.println("unknown option " + args[i] + " (use --port N --password P --verbose)");
                    System.exit(2);
                }
            }
        }
        FreeSwitchSimulator fs = FreeSwitchSimulator.builder().port(port).password(password).build().start();
        System.out.println("switchio FreeSWITCH simulator listening on " + fs.host() + ":" + fs.port()
                + " (password " + fs.password() + ")");
        if (verbose) {
            fs.callLines(System.out::println);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fs.close();
            stop.countDown();
        }, "sim-shutdown"));
        while (!stop.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
            if (verbose) {
                SimStats s = fs.stats();
                System.out.println("calls: originates=" + s.originates() + " created=" + s.channelsCreated()
                        + " live=" + s.liveChannels() + " events=" + s.eventsSent() + " connections=" + s.connectionsOpen());
            }
        }
    }
}
