package io.switchio.launcher.testing;

import io.switchio.spi.AppProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars for tests: compiles Java sources with {@code javax.tools} against the
 * SPI classes of the test class path and writes the jar with {@code java.util.jar}.
 *
 * <p>Threading: confined to the test thread.
 */
public final class PluginJarBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final List<String> providers = new ArrayList<>();
    private final Set<String> leaveOut = new java.util.HashSet<>();

    /** A builder whose manifest names the running SPI version. */
    public PluginJarBuilder(String pluginId, String version) {
        manifest.put("Switchio-Plugin-Id", pluginId);
        manifest.put("Switchio-Plugin-Version", version);
        manifest.put(io.switchio.spi.SpiVersion.MANIFEST_ATTRIBUTE, io.switchio.spi.SpiVersion.CURRENT);
    }

    /** Adds a source file by fully qualified class name. */
    public PluginJarBuilder source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds an app provider: a class implementing AppProvider, listed in META-INF/services. */
    public PluginJarBuilder provider(String className, String code) {
        providers.add(className);
        return source(className, code);
    }

    /** Lists a provider class in META-INF/services without adding a source for it. */
    public PluginJarBuilder listProvider(String className) {
        providers.add(className);
        return this;
    }

    /** Sets (or with null removes) a manifest attribute. */
    public PluginJarBuilder manifest(String name, String value) {
        if (value == null) {
            manifest.remove(name);
        } else {
            manifest.put(name, value);
        }
        return this;
    }

    /** Compiles a class but leaves it out of the jar (to provoke a NoClassDefFoundError). */
    public PluginJarBuilder leaveOut(String className) {
        leaveOut.add(className);
        return this;
    }

    /** Compiles and writes the jar. */
    public Path build(Path jar) throws IOException {
        Path work = Files.createTempDirectory("plugin-build");
        Path src = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path f = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, s.getValue());
            files.add(f);
        }
        if (!files.isEmpty()) {
            compile(files, classes);
        }
        writeJar(jar, classes);
        return jar;
    }

    /** A minimal provider source: the given id and description, creating an app with one callback. */
    public static String simpleProvider(String className, String id, String description) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return "package " + pkg + ";\n"
                + "import io.switchio.spi.*;\nimport java.util.List;\n"
                + "public final class " + simple + " implements AppProvider {\n"
                + "  public String id() { return " + (id == null ? "null" : "\"" + id + "\"") + "; }\n"
                + "  public String description() { return \"" + description + "\"; }\n"
                + "  public List<ParameterSpec> parameters() { return List.of(ParameterSpec.optional(\"delay\", ParameterType.DURATION, \"1s\", \"how long\")); }\n"
                + "  public Object create() { return new Object() { @Callback(\"CHANNEL_PARK\") public void park(Session s) { } }; }\n"
                + "}\n";
    }

    /** The folder or jar the SPI classes come from on this class path. */
    public static Path spiLocation() {
        try {
            return Path.of(AppProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles sources against the SPI (and {@code extraClasspath}) into {@code classes}. */
    public static void compile(List<Path> files, Path classes, Path... extraClasspath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringBuilder cp = new StringBuilder(spiLocation().toString());
        for (Path p : extraClasspath) {
            cp.append(java.io.File.pathSeparator).append(p);
        }
        List<String> args = new ArrayList<>(List.of("--release", "21", "-proc:none", "-classpath", cp.toString(), "-d", classes.toString()));
        files.forEach(f -> args.add(f.toString()));
        java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javac failed: " + diagnostics.toString(StandardCharsets.UTF_8));
        }
    }

    private void writeJar(Path jar, Path classes) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
            if (!providers.isEmpty()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + AppProvider.class.getName()));
                out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            try (Stream<Path> all = Files.walk(classes)) {
                for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                    String name = classes.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                    String className = name.replaceFirst("\\.class$", "").replace('/', '.');
                    if (leaveOut.contains(className)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(name));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        }
    }
}
