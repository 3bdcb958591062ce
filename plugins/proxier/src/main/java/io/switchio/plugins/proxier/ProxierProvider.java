package io.switchio.plugins.proxier;

import io.switchio.spi.AppProvider;
import io.switchio.spi.ParameterSpec;
import io.switchio.spi.ParameterType;
import java.util.List;

/**
 * The {@link AppProvider} of {@link Proxier}, registered in
 * {@code META-INF/services/io.switchio.spi.AppProvider}.
 *
 * <p>Threading: stateless; any thread.
 */
public final class ProxierProvider implements AppProvider {

    /** Parameter: first hop for the bridged leg ({@code ;fs_path=sip:<proxy>}); empty for none. */
    static final String PROXY = "proxy";

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public ProxierProvider() {
    }

    @Override
    public String id() {
        return "proxier";
    }

    @Override
    public String description() {
        return "Bridges every parked inbound leg to its own Request-URI through its own Sofia profile.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.optional(PROXY, ParameterType.STRING, "",
                "first-hop proxy host[:port] for the bridged leg; empty sends it straight to the Request-URI"));
    }

    @Override
    public Object create() {
        return new Proxier();
    }
}
