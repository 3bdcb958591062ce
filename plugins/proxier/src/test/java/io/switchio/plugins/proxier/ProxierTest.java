package io.switchio.plugins.proxier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchio.spi.AppContext;
import io.switchio.spi.Direction;
import io.switchio.spi.Parameters;
import io.switchio.spi.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxierTest {

    private final List<String> bridges = new ArrayList<>();

    private Session session(Direction direction, Map<String, String> headers) {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class}, (proxy, m, args) -> switch (m.getName()) {
            case "isInbound" -> direction == Direction.INBOUND;
            case "get" -> headers.get((String) args[0]);
            case "bridge" -> {
                bridges.add(Arrays.asList(args).toString());
                yield null;
            }
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    private static AppContext context(Map<String, String> given) {
        Parameters p = Parameters.resolve("proxier", new ProxierProvider().parameters(), given);
        return (AppContext) Proxy.newProxyInstance(ProxierTest.class.getClassLoader(), new Class<?>[] {AppContext.class},
                (proxy, m, args) -> m.getName().equals("parameters") ? p : null);
    }

    @Test
    void parkedInboundLegsAreBridgedToTheirRequestUriThroughTheirProfile() {
        Proxier app = new Proxier();
        app.setup(context(Map.of()));
        app.onPark(session(Direction.INBOUND, Map.of("variable_sofia_profile_name", "external", "variable_sip_req_uri", "1000@10.0.0.1:5080")));
        app.onPark(session(Direction.OUTBOUND, Map.of()));
        assertEquals(List.of("[sofia/external/1000@10.0.0.1:5080, null, {}]"), bridges);
    }

    @Test
    void withoutTheVariablesFreeSwitchExpandsThemAndAProxyIsTheFirstHop() {
        Proxier app = new Proxier();
        app.setup(context(Map.of("proxy", "10.0.0.9:5060")));
        app.onPark(session(Direction.INBOUND, Map.of()));
        assertEquals(List.of("[null, 10.0.0.9:5060, {}]"), bridges);
    }
}
