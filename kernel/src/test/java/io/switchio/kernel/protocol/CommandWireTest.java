package io.switchio.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden wire strings for every command, and the CR/LF refusal (R4). */
class CommandWireTest {

    static Stream<Arguments> golden() {
        return Stream.of(
                Arguments.of(new AuthCommand("ClueCon"), "auth ClueCon\n\n"),
                Arguments.of(new UserauthCommand("1000", "example.org", "s3cret"), "userauth 1000@example.org:s3cret\n\n"),
                Arguments.of(new ApiCommand("uuid_getvar 0d6a sip_from_user"), "api uuid_getvar 0d6a sip_from_user\n\n"),
                Arguments.of(new BgapiCommand("originate {origination_uuid=u1}loopback/9999 &park()", "3a5c9a2e-07b1-11ef-a1b2-0242ac120002"),
                        "bgapi originate {origination_uuid=u1}loopback/9999 &park()\nJob-UUID: 3a5c9a2e-07b1-11ef-a1b2-0242ac120002\n\n"),
                Arguments.of(EventCommand.of(EventFormat.PLAIN, "CHANNEL_CREATE", "BACKGROUND_JOB"),
                        "event plain CHANNEL_CREATE BACKGROUND_JOB\n\n"),
                Arguments.of(EventCommand.all(EventFormat.JSON), "event json ALL\n\n"),
                Arguments.of(new EventCommand(EventFormat.XML, List.of("CHANNEL_ANSWER", "CUSTOM"), List.of("sofia::register", "mod_bert::lost_sync")),
                        "event xml CHANNEL_ANSWER CUSTOM sofia::register mod_bert::lost_sync\n\n"),
                Arguments.of(new EventCommand(EventFormat.PLAIN, List.of(), List.of("myapp::ping")), "event plain CUSTOM myapp::ping\n\n"),
                Arguments.of(NixeventCommand.of("CHANNEL_CREATE"), "nixevent CHANNEL_CREATE\n\n"),
                Arguments.of(new NixeventCommand(List.of("ALL"), List.of()), "nixevent ALL\n\n"),
                Arguments.of(new NixeventCommand(List.of(), List.of("sofia::register")), "nixevent CUSTOM sofia::register\n\n"),
                Arguments.of(new NoeventsCommand(), "noevents\n\n"),
                Arguments.of(new FilterCommand("Unique-ID", "0d6a2c1e"), "filter Unique-ID 0d6a2c1e\n\n"),
                Arguments.of(new FilterCommand("Event-Name", "-HEARTBEAT"), "filter Event-Name -HEARTBEAT\n\n"),
                Arguments.of(new FilterCommand("Caller-Destination-Number", "/^9[0-9]{3}$/"), "filter Caller-Destination-Number /^9[0-9]{3}$/\n\n"),
                Arguments.of(new FilterDeleteCommand("Unique-ID", "0d6a2c1e"), "filter delete Unique-ID 0d6a2c1e\n\n"),
                Arguments.of(new FilterDeleteCommand("Unique-ID", null), "filter delete Unique-ID\n\n"),
                Arguments.of(FilterDeleteCommand.all(), "filter delete all\n\n"),
                Arguments.of(new MyeventsCommand("0d6a2c1e", null), "myevents 0d6a2c1e\n\n"),
                Arguments.of(MyeventsCommand.outbound(EventFormat.JSON), "myevents json\n\n"),
                Arguments.of(new MyeventsCommand(null, null), "myevents\n\n"),
                Arguments.of(new DivertEventsCommand(true), "divert_events on\n\n"),
                Arguments.of(new DivertEventsCommand(false), "divert_events off\n\n"),
                Arguments.of(SendmsgCommand.execute("0d6a", "playback", "/tmp/hello.wav", 1, true, false).withHeader("Event-UUID", "e1"),
                        "sendmsg 0d6a\ncall-command: execute\nexecute-app-name: playback\nexecute-app-arg: /tmp/hello.wav\n"
                                + "event-lock: true\nEvent-UUID: e1\n\n"),
                Arguments.of(SendmsgCommand.execute(null, "answer", null, 3, false, true),
                        "sendmsg\ncall-command: execute\nexecute-app-name: answer\nloops: 3\nasync: true\n\n"),
                Arguments.of(SendmsgCommand.executeWithBody("0d6a", "speak", "flite|kal|Hello there, caller.", 1, false, false),
                        "sendmsg 0d6a\ncall-command: execute\nexecute-app-name: speak\ncontent-type: text/plain\n"
                                + "content-length: 30\n\nflite|kal|Hello there, caller."),
                Arguments.of(SendmsgCommand.hangup("0d6a", "USER_BUSY"), "sendmsg 0d6a\ncall-command: hangup\nhangup-cause: USER_BUSY\n\n"),
                Arguments.of(SendmsgCommand.unicast("0d6a", "127.0.0.1", 8025, "127.0.0.1", 8026, "udp", "native"),
                        "sendmsg 0d6a\ncall-command: unicast\nlocal-ip: 127.0.0.1\nlocal-port: 8025\nremote-ip: 127.0.0.1\n"
                                + "remote-port: 8026\ntransport: udp\nflags: native\n\n"),
                Arguments.of(SendmsgCommand.nomedia("0d6a", "9f1e"), "sendmsg 0d6a\ncall-command: nomedia\nnomedia-uuid: 9f1e\n\n"),
                Arguments.of(SendeventCommand.custom("myapp::ping", List.of(new EslHeader("Foo", "bar baz"))),
                        "sendevent CUSTOM\nEvent-Subclass: myapp::ping\nFoo: bar baz\n\n"),
                Arguments.of(new SendeventCommand("NOTIFY", List.of(new EslHeader("profile", "internal")), "hi ü"),
                        "sendevent NOTIFY\nprofile: internal\ncontent-length: 5\n\nhi ü"),
                Arguments.of(new LingerCommand(10), "linger 10\n\n"),
                Arguments.of(LingerCommand.untilExit(), "linger\n\n"),
                Arguments.of(new NolingerCommand(), "nolinger\n\n"),
                Arguments.of(new LogCommand("debug"), "log debug\n\n"),
                Arguments.of(new NologCommand(), "nolog\n\n"),
                Arguments.of(new ResumeCommand(), "resume\n\n"),
                Arguments.of(new ExitCommand(), "exit\n\n"),
                Arguments.of(new ConnectCommand(), "connect\n\n"),
                Arguments.of(new GetvarCommand("sip_from_user"), "getvar sip_from_user\n\n"));
    }

    @ParameterizedTest
    @MethodSource("golden")
    void rendersExactWireBytes(EslCommand command, String wire) {
        assertEquals(wire, command.wire());
    }

    static Stream<Arguments> injections() {
        return Stream.<Supplier<EslCommand>>of(
                () -> new AuthCommand("ClueCon\n\nexit"),
                () -> new UserauthCommand("1000", "d", "pw\r"),
                () -> new ApiCommand("status\n\napi uuid_kill x"),
                () -> new ApiCommand("status\r"),
                () -> new BgapiCommand("originate x\nJob-UUID: evil", "j1"),
                () -> new BgapiCommand("status", "j1\n"),
                () -> EventCommand.of(EventFormat.PLAIN, "CHANNEL_CREATE\nexit"),
                () -> NixeventCommand.of("A\r"),
                () -> new FilterCommand("Unique-ID", "u1\napi x"),
                () -> new FilterDeleteCommand("Unique-ID", "u\r1"),
                () -> new MyeventsCommand("u1\n", null),
                () -> SendmsgCommand.execute("u1", "playback", "/tmp/a.wav\ncall-command: hangup", 1, false, false),
                () -> SendmsgCommand.hangup("u1\n", "NORMAL_CLEARING"),
                () -> SendmsgCommand.execute("u1", "playback", "x", 1, false, false).withHeader("Event-UUID", "e\r\n"),
                () -> new SendeventCommand("CUSTOM", List.of(new EslHeader("Foo\n", "x")), null),
                () -> new SendeventCommand("CUSTOM", List.of(), "body\0cut"),
                () -> new LogCommand("debug\n"),
                () -> new GetvarCommand("x\ny"),
                () -> new ApiCommand("status\0")).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("injections")
    void refusesLineBreaksInArgumentsBeforeAnythingIsWritten(Supplier<EslCommand> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertTrue(e.getMessage().contains("ESL"), e.getMessage());
    }

    @Test
    void bodiesMayContainNewlinesAndAreCountedInBytes() {
        SendmsgCommand c = SendmsgCommand.executeWithBody("u1", "speak", "line1\nline2 é", 1, false, false);
        assertTrue(c.wire().endsWith("content-length: 14\n\nline1\nline2 é"));
    }

    @Test
    void passwordsNeverAppearInToString() {
        assertFalse(new AuthCommand("s3cret").toString().contains("s3cret"));
        assertFalse(new UserauthCommand("u", "d", "s3cret").toString().contains("s3cret"));
    }

    @Test
    void bgapiRefusesJobUuidsFreeSwitchWouldTruncate() {
        assertThrows(IllegalArgumentException.class, () -> new BgapiCommand("status", "x".repeat(37)));
        assertEquals(36, BgapiCommand.of("status").jobUuid().length());
    }

    @Test
    void argumentsAreUtf8() {
        assertEquals("api echo Grüße\n\n", new ApiCommand("echo Grüße").wire());
        assertEquals(18, new ApiCommand("echo Grüße").toBytes().length);
    }
}
