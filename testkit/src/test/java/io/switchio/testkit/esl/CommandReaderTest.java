package io.switchio.testkit.esl;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the server reads command blocks (esl-protocol.md §2.2). */
class CommandReaderTest {
    private static CommandReader reader(String s) {
        return new CommandReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void leadingBlankLinesCrlfAndHeaders() throws Exception {
        CommandReader r = reader("\r\n\nauth ClueCon\r\n\r\nbgapi status\nJob-UUID:   j1\n\n");
        EslCommand a = r.next();
        assertEquals("auth ClueCon", a.line());
        EslCommand b = r.next();
        assertEquals("bgapi status", b.line());
        assertEquals("j1", b.header("job-uuid"));
        assertNull(b.body());
        assertThrows(EOFException.class, r::next);
    }

    @Test
    void bodyByContentLengthInBytesAndNulTruncation() throws Exception {
        String body = "flite|kal|Grüße";
        int len = body.getBytes(StandardCharsets.UTF_8).length;
        CommandReader r = reader("sendmsg u\ncall-command: execute\ncontent-type: text/plain\ncontent-length: " + len
                + "\n\n" + body + "sendevent CUSTOM\nContent-Length: 5\n\nab\0cdexit\n\n");
        assertEquals(body, r.next().body());
        assertEquals("ab", r.next().body());
        assertEquals("exit", r.next().line());
    }

    @Test
    void oversizedOrNegativeLengthIsFatal() {
        assertThrows(CommandReader.BadLengthException.class,
                () -> reader("sendevent CUSTOM\nContent-Length: 16777217\n\n").next());
        assertThrows(CommandReader.BadLengthException.class,
                () -> reader("sendevent CUSTOM\nContent-Length: -1\n\n").next());
    }

    @Test
    void blockEndsAtLfCrLf() throws Exception {
        InputStream in = new ByteArrayInputStream("api status\n\r\nexit\n\n".getBytes(StandardCharsets.UTF_8));
        CommandReader r = new CommandReader(in);
        assertEquals("api status", r.next().line());
        assertEquals("exit", r.next().line());
    }
}
