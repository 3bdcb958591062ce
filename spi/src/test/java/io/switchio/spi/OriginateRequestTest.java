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
