package com.example.switchio.hello;

import io.switchio.spi.AppProvider;
import io.switchio.spi.ParameterSpec;
import io.switchio.spi.ParameterType;
import java.util.List;

/**
 * The entry switchio finds with ServiceLoader (listed in
 * META-INF/services/io.switchio.spi.AppProvider): describes the app for `switchio list-apps` and
 * creates it. Keep the constructor empty and cheap.
 *
 * <p>Threading: stateless; switchio may call it from any thread.
 */
public final class HelloProvider implements AppProvider {

    @Override
    public String id() {
        return "hello";
    }

    @Override
    public String description() {
        return "Example third-party app: answers parked inbound calls and hangs them up after 'hold'.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.optional("hold", ParameterType.DURATION, "2s", "how long to keep each call up before hanging up"));
    }

    @Override
    public Object create() {
        return new HelloApp();
    }
}
