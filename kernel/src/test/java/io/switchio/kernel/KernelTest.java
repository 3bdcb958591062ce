package io.switchio.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.spi.AppContext;
import io.switchio.spi.AppLoadException;
import io.switchio.spi.AppOptions;
import io.switchio.spi.AppProvider;
import io.switchio.spi.Callback;
import io.switchio.spi.Instancing;
import io.switchio.spi.ParameterSpec;
import io.switchio.spi.ParameterType;
import io.switchio.spi.Parameters;
import io.switchio.spi.Prepost;
import io.switchio.spi.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The facade's app management across hosts (no connection needed: the kernel is not started). */
class KernelTest {

    /** Remembers the contexts it was set up with. */
    public static final class Greeter implements Prepost {
        final List<AppContext> contexts = new CopyOnWriteArrayList<>();

        @Override
        public void setup(AppContext context) {
            contexts.add(context);
        }

        @Callback("CHANNEL_PARK")
        public void park(Session s) {
        }
    }

    private static AppProvider provider(Instancing instancing, AtomicInteger created, int failOnCall) {
        return new AppProvider() {
            @Override
            public String id() {
                return "greeter";
            }

            @Override
            public String description() {
                return "greets";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of(ParameterSpec.optional("greeting", ParameterType.STRING, "hello", "what to say"));
            }

            @Override
            public Instancing instancing() {
                return instancing;
            }

            @Override
            public Object create() {
                if (created.incrementAndGet() == failOnCall) {
                    throw new IllegalStateException("no more greeters");
                }
                return new Greeter();
            }
        };
    }

    private static Kernel twoHosts() {
        return Kernel.builder().host("127.0.0.1", 1).host("127.0.0.1", 2).build();
    }

    @Test
    void sharedProvidersCreateOnceAndResolveParameters() {
        try (Kernel kernel = twoHosts()) {
            AtomicInteger created = new AtomicInteger();
            assertEquals("g", kernel.loadApp(provider(Instancing.SHARED, created, -1), AppOptions.group("g")));
            assertEquals(1, created.get());
            var clients = kernel.cluster().clients();
            assertEquals(Map.of("g", List.of("greeter")), clients.get(0).apps());
            assertEquals(Map.of("g", List.of("greeter")), clients.get(1).apps());
            assertTrue(kernel.unloadApp("g"));
            assertEquals(Map.of(), clients.get(1).apps());
        }
    }

    @Test
    void perHostProvidersCreateOneInstancePerHostEachWithItsClient() {
        try (Kernel kernel = twoHosts()) {
            AtomicInteger created = new AtomicInteger();
            kernel.loadApp(provider(Instancing.PER_HOST, created, -1),
                    AppOptions.group("g").withParameters(Parameters.of(Map.of("greeting", "hi"))));
            assertEquals(2, created.get());
        }
    }

    @Test
    void loadErrorsNameTheAppAndRollBack() {
        try (Kernel kernel = twoHosts()) {
            AppLoadException unknown = assertThrows(AppLoadException.class, () -> kernel.loadApp(
                    provider(Instancing.SHARED, new AtomicInteger(), -1), AppOptions.group("g").withParameters(Parameters.of(Map.of("colour", "red")))));
            assertTrue(unknown.getMessage().contains("app 'greeter' has no parameter 'colour'"), unknown.getMessage());
            AppLoadException second = assertThrows(AppLoadException.class,
                    () -> kernel.loadApp(provider(Instancing.PER_HOST, new AtomicInteger(), 2), AppOptions.group("g")));
            assertTrue(second.getMessage().contains("app 'greeter' could not be created"), second.getMessage());
            assertEquals(Map.of(), kernel.cluster().clients().get(0).apps(), "rolled back on the first host");
        }
    }

    @Test
    void aSharedInstanceIsSetUpOncePerHostWithThatHostsClient() {
        try (Kernel kernel = twoHosts()) {
            Greeter g = new Greeter();
            kernel.loadApp(g, AppOptions.group("g"));
            assertEquals(2, g.contexts.size());
            assertSame(kernel.cluster().clients().get(0), g.contexts.get(0).client());
            assertNotSame(g.contexts.get(0).client(), g.contexts.get(1).client());
            assertSame(kernel.cluster(), g.contexts.get(1).cluster());
        }
    }

    @Test
    void builderRefusesBadSettings() {
        assertThrows(IllegalStateException.class, () -> Kernel.builder().build());
        assertThrows(IllegalArgumentException.class, () -> Kernel.builder().host("a b", 1));
        assertThrows(IllegalArgumentException.class, () -> Kernel.builder().host("h", 0));
        assertThrows(IllegalArgumentException.class, () -> Kernel.builder().historyLimit(0));
        assertThrows(IllegalArgumentException.class, () -> Kernel.builder().appHeaders(List.of()));
    }

    @Test
    void headerNamesTheKernelMatchesOnAreOneWord() {
        Kernel.Builder b = Kernel.builder();
        assertThrows(IllegalArgumentException.class, () -> b.appHeaders(List.of("variable_x", " ")));
        assertThrows(IllegalArgumentException.class, () -> b.appHeaders(List.of("a\nb")));
        assertThrows(IllegalArgumentException.class, () -> b.appHeaders(List.of("Caller-Context: x")));
        assertThrows(IllegalArgumentException.class, () -> b.trackingHeader("call uuid"));
        assertThrows(IllegalArgumentException.class, () -> b.trackingHeader(null));
        assertSame(b, b.appHeaders(List.of("Caller-Context", "variable_sip_h_X-switchio_app")).trackingHeader("variable_call_uuid"));
    }
}
