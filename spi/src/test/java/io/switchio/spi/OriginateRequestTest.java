package io.switchio.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginateRequestTest {

    @Test
    void defaultsFollowThePythonOriginal() {
        OriginateRequest r = OriginateRequest.to("sofia/external/1000@127.0.0.1:5080").build();
        assertEquals(List.of("originate_timeout", "origination_caller_id_name", "origination_caller_id_number",
                "originator_codec", "ignore_display_updates", "ignore_early_media"), List.copyOf(r.variables().keySet()));
        assertEquals("60", r.variables().get("originate_timeout"));
        assertEquals("park", r.app().orElseThrow());
        assertEquals("", r.appArg());
    }

    @Test
    void xheadersGetTheSipPrefixUnlessTheyHaveIt() {
        OriginateRequest r = OriginateRequest.to("loopback/1000").xheader("switchio_app", "Bert")
                .xheader("sip_h_X-Custom", "1").timeout(Duration.ofMillis(1500)).build();
        assertEquals("Bert", r.variables().get("sip_h_X-switchio_app"));
        assertEquals("1", r.variables().get("sip_h_X-Custom"));
        assertEquals("2", r.variables().get("originate_timeout"));
    }

    @Test
    void injectionAttemptsAreRefused() {
        OriginateRequest.Builder b = OriginateRequest.to("loopback/1000");
        assertThrows(IllegalArgumentException.class, () -> b.variable("x", "a\nbgapi hupall"));
        assertThrows(IllegalArgumentException.class, () -> b.variable("x", "a}evil"));
        assertThrows(IllegalArgumentException.class, () -> b.variable("x,y", "1"));
        assertThrows(IllegalArgumentException.class, () -> b.app("park", "x\r\n"));
        assertThrows(IllegalArgumentException.class, () -> OriginateRequest.to("loopback/1000 &echo()"));
        assertThrows(IllegalArgumentException.class, () -> OriginateRequest.to("sofia/x[leg]"));
    }

    @Test
    void partsTheOriginateApiSplitsOnSpacesMustBeSingleWords() {
        OriginateRequest.Builder b = OriginateRequest.to("loopback/1000");
        assertThrows(IllegalArgumentException.class, () -> b.proxy("p q"));
        assertThrows(IllegalArgumentException.class, () -> b.dialplan("1000 9999", "XML", "default"));
        assertThrows(IllegalArgumentException.class, () -> b.dialplan("1000", "XML", "de fault"));
        assertThrows(IllegalArgumentException.class, () -> b.app("play back", ""));
        assertThrows(IllegalArgumentException.class, () -> b.app("playback", "x) bogus"));
        assertThrows(IllegalArgumentException.class, () -> b.app("playback", "/tmp/a b.wav"));
        assertThrows(IllegalArgumentException.class, () -> b.variable("a", "x\\"));
        assertThrows(IllegalArgumentException.class, () -> b.variable("a", "it's"));
    }

    @Test
    void fillingATemplateChecksTheFilledValuesAgain() {
        OriginateRequest exten = OriginateRequest.to("loopback/1000").dialplan("{ext}", "XML", "default").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exten.fill(Map.of("ext", "1 XML evil")));
        assertTrue(e.getMessage().contains("one non-blank word"), e.getMessage());
        OriginateRequest proxied = OriginateRequest.to("loopback/1000").proxy("{dut}").app("echo", "{arg}").build();
        assertThrows(IllegalArgumentException.class, () -> proxied.fill(Map.of("dut", "a b")));
        assertThrows(IllegalArgumentException.class, () -> proxied.fill(Map.of("dut", "ok", "arg", "x)y")));
        assertEquals("dut:5060", proxied.fill(Map.of("dut", "dut:5060")).proxy().orElseThrow());
    }

    @Test
    void commasInValuesAreAllowedForTheRendererToEscape() {
        OriginateRequest r = OriginateRequest.to("loopback/1000").absoluteCodecs("PCMU,PCMA").build();
        assertEquals("PCMU,PCMA", r.variables().get("absolute_codec_string"));
    }

    @Test
    void templatesListAndFillTheirPlaceholders() {
        OriginateRequest template = OriginateRequest.to("sofia/external/{user}@127.0.0.1:5080")
                .uuid("{uuid_str}").xheader("switchio_app", "{app_id}").build();
        assertEquals(Set.of("user", "uuid_str", "app_id"), template.placeholders());
        OriginateRequest filled = template.fill(Map.of("user", "2000", "uuid_str", "u-1"));
        assertEquals("sofia/external/2000@127.0.0.1:5080", filled.endpoint());
        assertEquals("u-1", filled.variables().get("origination_uuid"));
        assertEquals(Set.of("app_id"), filled.placeholders());
        assertThrows(IllegalArgumentException.class, () -> template.fill(Map.of("user", "a\nb")));
        assertTrue(template.toString().contains("sofia/external/{user}"));
    }
}
