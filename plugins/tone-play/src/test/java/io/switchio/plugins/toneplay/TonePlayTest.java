package io.switchio.plugins.toneplay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchio.spi.AppContext;
import io.switchio.spi.Direction;
import io.switchio.spi.Parameters;
import io.switchio.spi.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TonePlayTest {

    private final List<String> commands = new ArrayList<>();

    /** A session that records the commands an app gives it. */
    private Session session(Direction direction) {
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class}, (proxy, m, args) -> switch (m.getName()) {
            case "direction" -> direction;
            case "isInbound" -> direction == Direction.INBOUND;
            case "isAnswered" -> false;
            case "answer", "echo", "playback" -> {
                commands.add(m.getName() + (args == null ? "" : " " + args[0]));
                yield null;
            }
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    private static AppContext context(Map<String, String> given) {
        Parameters p = Parameters.resolve("tone-play", new TonePlayProvider().parameters(), given);
        return (AppContext) Proxy.newProxyInstance(TonePlayTest.class.getClassLoader(), new Class<?>[] {AppContext.class}, (proxy, m, args) -> switch (m.getName()) {
            case "parameters" -> p;
            case "logger" -> System.getLogger("tone-play");
            case "client" -> null;
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    @Test
    void inboundLegsAreAnsweredOnParkAndEchoOnAnswer() {
        TonePlay app = new TonePlay();
        Session in = session(Direction.INBOUND);
        app.onPark(in);
        app.onAnswer(in);
        assertEquals(List.of("answer", "echo"), commands);
    }

    @Test
    void outboundLegsPlayA1004HzToneThatModToneStreamLoopsForever() {
        TonePlay app = new TonePlay();
        Session out = session(Direction.OUTBOUND);
        app.onPark(out);
        app.onAnswer(out);
        assertEquals(List.of("playback tone_stream://%(251,0,1004);loops=-1"), commands);
    }

    @Test
    void parametersChangeTheTone() throws Exception {
        TonePlay app = new TonePlay();
        app.setup(context(Map.of("tone", "%(100,100,440)", "loops", "3")));
        assertEquals("tone_stream://%(100,100,440);loops=3", app.toneStream());
    }
}
