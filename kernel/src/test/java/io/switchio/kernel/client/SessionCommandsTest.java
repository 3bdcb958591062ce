package io.switchio.kernel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchio.kernel.testing.HostHarness;
import io.switchio.spi.ApiException;
import io.switchio.spi.Event;
import io.switchio.spi.Session;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Golden wire strings of the Session commands (switchio-reference §3, defects fixed). */
class SessionCommandsTest {

    private final HostHarness h = new HostHarness();

    private Session session() {
        h.event("CHANNEL_CREATE", "U");
        return h.client.session("U").orElseThrow();
    }

    @Test
    void apiCommands() {
        Session s = session();
        h.channel.replies(c -> c.startsWith("uuid_getvar") ? "_undef_" : "+OK\n");
        assertNull(s.getvar("foo"));
        s.setvar("foo", "a b");
        s.setvars(new LinkedHashMap<>(Map.of("k1", "v1")));
        s.unsetvar("foo");
        s.schedHangup(Duration.ofMillis(500), "ALLOTTED_TIMEOUT");
        s.clearTasks();
        s.stopRecord("/tmp/r.wav", Duration.ofSeconds(2));
        s.record("start", "/tmp/r.wav");
        s.breakMedia();
        s.mute("write", true);
        s.mute("read", false);
        s.bypassMedia(true);
        s.bypassMedia(false);
        s.startAmd();
        s.stopAmd();
        s.sendDtmf("12#", Duration.ofMillis(100));
        s.schedDtmf(Duration.ofSeconds(1), "5", Duration.ofMillis(200));
        s.uuidBridge("V");
        s.transfer("1000", "XML", "default");
        s.broadcast("playback::/tmp/x.wav", "aleg");
        s.broadcast("/tmp/x.wav", "both", Duration.ofSeconds(3));
        assertEquals(List.of(
                "api uuid_getvar U foo",
                "api uuid_setvar U foo a b",
                "api uuid_setvar_multi U k1=v1",
                "api uuid_setvar U foo",
                "api sched_hangup +1 U ALLOTTED_TIMEOUT",
                "api sched_del U",
                "api sched_api +2 none uuid_record U stop /tmp/r.wav",
                "api uuid_record U start /tmp/r.wav",
                "api uuid_break U",
                "api uuid_audio U start write mute 1",
                "api uuid_audio U start read mute 0",
                "api uuid_media off U",
                "api uuid_media U",
                "api avmd U start",
                "api avmd U stop",
                "api uuid_send_dtmf U 12# @100",
                "api sched_api +1 none uuid_send_dtmf U 5 @200",
                "api uuid_bridge U V",
                "api uuid_transfer U 1000 XML default",
                "api uuid_broadcast U playback::/tmp/x.wav aleg",
                "api sched_broadcast +3 U /tmp/x.wav both"), h.channel.sent);
    }

    @Test
    void executeCommands() {
        Session s = session();
        s.playback("tone_stream://%(251,0,1004)");
        s.playback(List.of("a.wav", "b.wav"), new LinkedHashMap<>(Map.of("loops", "-1")), 8000, 2, true);
        s.startRecord("/tmp/r.wav", true, true, 16000);
        s.stopRecord("all");
        s.echo();
        s.speak("hello, world", "flite", "kal");
        s.bridge(null, null, Map.of());
        s.bridge("sofia/external/1000@10.0.0.1:5060", "dut:5060", new LinkedHashMap<>(Map.of("codecs", "PCMU,PCMA")));
        s.respond("180 Ringing");
        s.deflect("sip:1000@10.0.0.1");
        s.execute("sleep", "1000", -1);
        assertEquals(List.of(
                "sendmsg U execute playback tone_stream://%(251,0,1004) loops=1",
                "api uuid_setvar U playback_delimiter !",
                "sendmsg U execute endless_playback {loops=-1}a.wav!b.wav@@8000 loops=2",
                "api uuid_setvar U RECORD_READ_ONLY true",
                "api uuid_setvar U RECORD_STEREO true",
                "api uuid_setvar U record_sample_rate 16000",
                "sendmsg U execute record_session /tmp/r.wav loops=1",
                "sendmsg U execute stop_record_session all loops=1",
                "sendmsg U execute echo  loops=1",
                "sendmsg U execute speak flite|kal|hello, world loops=1",
                "sendmsg U execute bridge sofia/${sofia_profile_name}/${sip_req_uri} loops=1",
                "sendmsg U execute bridge {codecs=PCMU\\,PCMA}sofia/external/1000@10.0.0.1:5060;fs_path=sip:dut:5060 loops=1",
                "sendmsg U execute respond 180 Ringing loops=1",
                "sendmsg U execute deflect sip:1000@10.0.0.1 loops=1",
                "sendmsg U execute sleep 1000 loops=-1"), h.channel.sent);
    }

    @Test
    void bridgeWithoutDialStringGoesToTheLegsOwnRequestUri() {
        h.event("CHANNEL_CREATE", "P", "variable_sofia_profile_name", "external", "variable_sip_req_uri", "1000@10.0.0.9:5060");
        h.client.session("P").orElseThrow().bridge(null, "dut:5060", Map.of());
        assertEquals(List.of("sendmsg P execute bridge sofia/external/1000@10.0.0.9:5060;fs_path=sip:dut:5060 loops=1"), h.channel.sent);
    }

    @Test
    void userDataCannotBreakACommand() {
        Session s = session();
        assertThrows(IllegalArgumentException.class, () -> s.setvar("a", "x\r\nevent plain ALL"));
        assertThrows(IllegalArgumentException.class, () -> s.hangup("NORMAL CLEARING"));
        assertThrows(IllegalArgumentException.class, () -> s.setvars(Map.of("a", "1;b=2")));
        assertThrows(IllegalArgumentException.class, () -> s.bridge("x", null, Map.of("k", "{evil}")));
        assertThrows(IllegalArgumentException.class, () -> s.record("erase", "/tmp/x"));
        assertThrows(IllegalArgumentException.class, () -> s.sendDtmf("12x", Duration.ofMillis(100)));
        assertTrue(h.channel.sent.isEmpty());
    }

    @Test
    void anErrReplyThrowsWithFreeSwitchText() {
        Session s = session();
        h.channel.replies(c -> "-ERR No such channel!\n");
        ApiException e = assertThrows(ApiException.class, s::breakMedia);
        assertEquals("No such channel!", e.reason());
    }

    @Test
    void answerReturnsOnceChannelAnswerArrived() throws Exception {
        Session s = session();
        CompletableFuture<Event> answered = CompletableFuture.supplyAsync(s::answer);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (h.channel.sent.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(List.of("api uuid_answer U"), h.channel.sent);
        h.event("CHANNEL_ANSWER", "U");
        assertEquals("CHANNEL_ANSWER", answered.get(10, TimeUnit.SECONDS).name());
        assertEquals("CHANNEL_ANSWER", s.answer().name(), "already answered: returns at once");
    }

    @Test
    void playAndGetDigitsReturnsTheCollectedDigits() throws Exception {
        Session s = session();
        CompletableFuture<String> digits = CompletableFuture.supplyAsync(() -> s.playAndGetDigits(1, 4, 2,
                Duration.ofSeconds(3), "#", "prompt.wav", "invalid.wav", "\\d+", Duration.ofSeconds(2)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (h.channel.sent.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals("sendmsg U execute play_and_get_digits 1 4 2 3000 # prompt.wav invalid.wav switchio_digits \\d+ 2000 loops=1",
                h.channel.sent.get(0));
        h.event("CHANNEL_EXECUTE_COMPLETE", "U", "Application", "playback");
        h.event("CHANNEL_EXECUTE_COMPLETE", "U", "Application", "play_and_get_digits", "variable_switchio_digits", "42");
        assertEquals("42", digits.get(10, TimeUnit.SECONDS));
    }
}
