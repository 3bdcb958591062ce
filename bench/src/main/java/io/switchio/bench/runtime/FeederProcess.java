package io.switchio.bench.runtime;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The feeding side of the full-path harness as a process of its own, standing where a FreeSWITCH
 * would: it serves ESL on a loopback port and writes the calls of a {@link CallLifecycles} block
 * when told to on standard input. {@code System.nanoTime()} is the system's monotonic clock on
 * Linux, so the kernel's process can compare the stamps with its own clock.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.switchio.bench.runtime.FeederProcess sessions lifecycle
 * stdout: "port N B" (B: average frame bytes), then "client" once the kernel authenticated (or "no-client" and exit)
 * stdin:  "blast S" | "paced RATE S"   each answered with "written N" (events written so far)
 * </pre>
 *
 * <p>Threading: the main thread reads commands and writes frames; {@link EventFeedServer} has its own.
 */
public final class FeederProcess {

    private FeederProcess() {
    }

    public static void main(String[] args) throws Exception {
        CallLifecycles calls = new CallLifecycles(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        try (EventFeedServer server = new EventFeedServer()) {
            server.start();
            System.out.println("port " + server.port() + " " + calls.block.length / calls.frames());
            System.out.flush();
            if (!server.awaitClient(30)) {
                System.out.println("no-client");
                return;
            }
            System.out.println("client");
            System.out.flush();
            FrameFeeder feeder = new FrameFeeder(server, calls);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null) {
                String[] cmd = line.trim().split(" ");
                switch (cmd[0]) {
                    case "blast" -> feeder.blast(Integer.parseInt(cmd[1]));
                    case "paced" -> feeder.paced(Integer.parseInt(cmd[1]), Integer.parseInt(cmd[2]));
                    default -> throw new IllegalArgumentException("unknown feeder command: " + line);
                }
                System.out.println("written " + feeder.written());
                System.out.flush();
            }
        }
    }
}
