package io.switchio.launcher.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code switchio} launcher as a separate process: the java of the running JVM, the class
 * path of the built distribution ({@code launcher/target/switchio/lib}), stdout and stderr
 * collected for assertions.
 *
 * <p>Output goes to files (so it survives {@link Process#destroy()}, which closes the pipes).
 *
 * <p>Threading: used by one test thread.
 */
public final class LauncherProcess implements AutoCloseable {

    /** Generous waits: the machine is small and shared. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final Process process;
    private final Path out;
    private final Path err;

    private LauncherProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** The built distribution folder. */
    public static Path dist() {
        String property = System.getProperty("switchio.dist");
        Path dist = property != null ? Path.of(property) : RepoRoot.find().resolve("launcher/target/switchio");
        if (!Files.isDirectory(dist.resolve("lib"))) {
            throw new IllegalStateException("no distribution at " + dist + "; run ./build -pl launcher -am package first");
        }
        return dist;
    }

    /** Starts {@code switchio <args>} with SWITCHIO_PASSWORD removed and {@code env} added. */
    public static LauncherProcess start(Map<String, String> env, String... args) throws IOException {
        Path dist = dist();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dswitchio.home=" + dist, "-cp", dist.resolve("lib") + "/*",
                "io.switchio.launcher.SwitchioMain"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SWITCHIO_PASSWORD");
        pb.environment().putAll(env);
        return start(pb);
    }

    /**
     * Starts {@code bin/switchio <args>} of the distribution (the bash script users run) the way a
     * non-interactive shell starts a background job: with SIGINT ignored, which the child
     * inherits. The script must undo that so Ctrl-C ({@link #sigint}) still stops switchio.
     */
    public static LauncherProcess startScriptWithSigintIgnored(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "trap '' INT; exec \"$0\" \"$@\"",
                dist().resolve("bin/switchio").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SWITCHIO_PASSWORD");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SWITCHIO_JAVA_OPTS", "-Xshare:auto -XX:TieredStopAtLevel=1");
        pb.environment().putAll(env);
        return start(pb);
    }

    /**
     * Runs {@code bin/switchio <args>} of the distribution to completion, with the running JVM's
     * JDK as JAVA_HOME and {@code env} applied to the inherited environment (a {@code null} value
     * removes the variable).
     */
    public static LauncherProcess runScript(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", dist().resolve("bin/switchio").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SWITCHIO_PASSWORD");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        LauncherProcess p = start(pb);
        p.awaitExit();
        return p;
    }

    private static LauncherProcess start(ProcessBuilder pb) throws IOException {
        Path logs = Files.createTempDirectory("switchio-launcher");
        Path out = logs.resolve("stdout.txt");
        Path err = logs.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        return new LauncherProcess(pb.start(), out, err);
    }

    /** Runs to completion and returns the exit status. */
    public static LauncherProcess run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        LauncherProcess p = start(env, args);
        p.awaitExit();
        return p;
    }

    /** Waits for the process to end (bounded by {@link #WAIT}); returns its status. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the launcher did not exit within " + WAIT + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** The exit status of an ended process. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Waits until stdout matches {@code regex}; returns the match. */
    public Matcher awaitStdout(String regex) {
        Pattern p = Pattern.compile(regex);
        Matcher[] found = new Matcher[1];
        awaitCondition("stdout matching " + regex, () -> {
            Matcher m = p.matcher(stdout());
            if (m.find()) {
                found[0] = m;
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the launcher exited with " + process.exitValue() + " before printing " + regex
                        + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            return false;
        });
        return found[0];
    }

    /** Waits for a condition, failing with the launcher's output after {@link #WAIT}. */
    public void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            try {
                Thread.sleep(20); // polling a condition, not waiting "long enough"
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Sends SIGTERM. */
    public void sigterm() {
        process.destroy();
    }

    /** Sends SIGINT, what Ctrl-C in a terminal sends, with the system's {@code kill}. */
    public void sigint() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -INT " + process.pid() + " failed");
        }
    }

    /** What the launcher printed on stdout so far. */
    public String stdout() {
        return read(out);
    }

    /** What the launcher printed on stderr so far. */
    public String stderr() {
        return read(err);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "[cannot read " + file + ": " + e + "]";
        }
    }
}
