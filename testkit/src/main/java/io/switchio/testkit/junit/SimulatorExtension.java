package io.switchio.testkit.junit;

import io.switchio.testkit.FreeSwitchSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import java.lang.reflect.Field;

/**
 * JUnit 5 extension: one started {@link FreeSwitchSimulator} per test class (speed from
 * {@link SimulatorTest#speed()}), injected into parameters and into non-final fields of that type,
 * closed after the class.
 *
 * <p>Threading: called by JUnit.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver,
        TestInstancePostProcessor {
    /** The extension, as {@code @ExtendWith(SimulatorExtension.class)} creates it. */
    public SimulatorExtension() {
    }

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SimulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FreeSwitchSimulator fs = context.getStore(NS).remove("sim", FreeSwitchSimulator.class);
        if (fs != null) {
            fs.close();
        }
    }

    private FreeSwitchSimulator simulator(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext owner = classContext;
        return owner.getStore(NS).getOrComputeIfAbsent("sim", k -> {
            SimulatorTest cfg = owner.getRequiredTestClass().getAnnotation(SimulatorTest.class);
            double speed = cfg == null ? 1.0 : cfg.speed();
            return FreeSwitchSimulator.builder().speed(speed).build().start();
        }, FreeSwitchSimulator.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.getParameter().getType() == FreeSwitchSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        return simulator(ec);
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        for (Class<?> c = instance.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == FreeSwitchSimulator.class && !java.lang.reflect.Modifier.isFinal(f.getModifiers())) {
                    f.setAccessible(true);
                    f.set(instance, simulator(context));
                }
            }
        }
    }
}
