package io.switchio.bench.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventFeed} in a child JVM ({@link FeederProcess}), as a FreeSWITCH is another process:
 * the kernel's GC pauses do not pause the feeder, so events sent during a pause are measured late
 * by the whole pause, and the feeder's own stalls do not turn into catch-up bursts stamped after
 * the kernel's pause. The child runs the same java with {@code -Dbench.feeder.jvm} options
 * (default {@code -Xmx1g -XX:+UseSerialGC}).
 *
 * <p>Threading: owned by the harness's main thread.
 */
final class ChildProcessFeed implements EventFeed {

    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final int port;
    private final int frameBytes;
    private long written;

    ChildProcessFeed(int sessions, int lifecycle) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String opt : System.getProperty("bench.feeder.jvm", "-Xmx1g -XX:+UseSerialGC").trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FeederProcess.class.getName(),
                Integer.toString(sessions), Integer.toString(lifecycle)));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        in = new PrintStream(process.getOutputStream(), true, StandardCharsets.US_ASCII);
        String[] portAndSize = expect("port").split(" ");
        port = Integer.parseInt(portAndSize[0]);
        frameBytes = Integer.parseInt(portAndSize[1]);
    }

    private String expect(String word) throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith(word)) {
            throw new IOException("feeder process said '" + line + "', expected '" + word + "'");
        }
        return line.substring(word.length()).trim();
    }

    @Override
    public int port() {
        return port;
    }

    /** Waits for the child's word; the child itself gives the kernel 30 s to connect, whatever {@code seconds} says. */
    @Override
    public boolean awaitClient(int seconds) throws IOException {
        expect("client");
        return true;
    }

    @Override
    public void blast(int seconds) throws IOException {
        in.println("blast " + seconds);
        written = Long.parseLong(expect("written"));
    }

    @Override
    public long paced(int rate, int seconds) throws IOException {
        long before = written;
        in.println("paced " + rate + " " + seconds);
        written = Long.parseLong(expect("written"));
        return written - before;
    }

    @Override
    public int frameBytes() {
        return frameBytes;
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public long feederCpuNanos() {
        return -1;
    }

    @Override
    public String describe() {
        return "feeder in a child process";
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
