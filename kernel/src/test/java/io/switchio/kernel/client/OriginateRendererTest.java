package io.switchio.kernel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchio.spi.OriginateRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden strings for the originate argument, and the values that must not reach it. */
class OriginateRendererTest {

    @Test
    void rendersVariablesEndpointProxyAndApp() {
        OriginateRequest r = OriginateRequest.to("sofia/internal/park@h:5080").proxy("dut:5060")
                .callerId("John Doe", "1000").absoluteCodecs("PCMU,PCMA").build();
        assertEquals("originate {originate_timeout=60,origination_caller_id_name='John Doe',origination_caller_id_number=1000,"
                + "originator_codec=PCMU,ignore_display_updates=true,ignore_early_media=true,absolute_codec_string=PCMU\\,PCMA,"
                + "origination_uuid=u1}sofia/internal/park@h:5080;fs_path=sip:dut:5060 &park()",
                OriginateRenderer.render(r, Map.of("origination_uuid", "u1")));
    }

    @Test
    void rendersTheDialplanForm() {
        OriginateRequest r = OriginateRequest.to("loopback/1000").dialplan("9999", "XML", "default").build();
        String rendered = OriginateRenderer.render(r, Map.of());
        assertEquals(" 9999 XML default", rendered.substring(rendered.lastIndexOf('}') + "loopback/1000".length() + 1));
    }

    @Test
    void addedVariablesAreCheckedLikeTheRequestsOwn() {
        OriginateRequest r = OriginateRequest.to("loopback/1000").build();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("sip_h_X-Tag", "a'b");
        assertThrows(IllegalArgumentException.class, () -> OriginateRenderer.render(r, bad));
        assertThrows(IllegalArgumentException.class, () -> OriginateRenderer.render(r, Map.of("x", "a}b")));
        assertThrows(IllegalArgumentException.class, () -> OriginateRenderer.render(r, Map.of("x", "a\\")));
        assertThrows(IllegalArgumentException.class, () -> OriginateRenderer.render(r, Map.of("x", "a\nb")));
        assertThrows(IllegalArgumentException.class, () -> OriginateRenderer.render(r, Map.of("a b", "1")));
    }

    @Test
    void aTemplateWithUnfilledFieldsIsRefusedNamingThem() {
        OriginateRequest t = OriginateRequest.to("sofia/external/{user}@h").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OriginateRenderer.render(t, Map.of()));
        assertEquals("originate template has unfilled fields [user]", e.getMessage());
    }
}
