package io.switchio.testkit.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** {@code ${...}} expansion as switch_channel_expand_variables does it. */
class VariableExpanderTest {
    private GlobalVars globals;
    private VariableExpander expander;
    private Channel ch;

    @BeforeEach
    void setUp() {
        Map<String, Integer> profiles = new LinkedHashMap<>();
        profiles.put("external", 5080);
        SimConfig config = new SimConfig("fs1", "ClueCon", 1, Duration.ofSeconds(20), profiles, 0, 0, 0, "1000",
                false, 100, 5, Duration.ofSeconds(25), Duration.ZERO);
        globals = new GlobalVars(config, new EventBus(new SimClock(1), "fs1", "core-1"));
        expander = new VariableExpander(globals, (name, args) -> "echo".equals(name) ? "<" + args + ">" : null);
        ch = new Channel("u-1", "sofia/external/1000@127.0.0.1", Channel.Kind.SOFIA_IN, false, 1, 0);
        ch.vars.set("sofia_profile_name", "external");
        ch.vars.set("sip_req_uri", "2000@127.0.0.1:5080");
        ch.destination = "2000";
    }

    private String x(String in) {
        return expander.expand(in, ch);
    }

    @Test
    void channelVariablesReplaceTheirReferences() {
        assertEquals("sofia/external/2000@127.0.0.1:5080", x("sofia/${sofia_profile_name}/${sip_req_uri}"));
        assertEquals("{a=external}sofia/external/x", x("{a=${sofia_profile_name}}sofia/${sofia_profile_name}/x"));
    }

    @Test
    void unknownVariablesExpandToNothing() {
        assertEquals("a--b", x("a-${no_such_var}-b"));
    }

    @Test
    void globalsAndProfileFieldsAreFallbacks() {
        assertEquals("5080", x("$${external_sip_port}"));
        assertEquals("fs1/fs1", x("${hostname}/$${hostname}"));
        assertEquals("", x("$${sofia_profile_name}"), "$${} reads only globals");
        assertEquals("2000 u-1", x("${destination_number} ${uuid}"));
        globals.set("mine", "g");
        ch.vars.set("mine", "c");
        assertEquals("c g", x("${mine} $${mine}"));
    }

    @Test
    void substringsArraysNestingAndValuesAreExpanded() {
        ch.vars.set("n", "0123456789");
        assertEquals("3456789|34|789", x("${n:3}|${n:3:2}|${n:-3}"));
        ch.vars.set("arr", "ARRAY::a|:b|:c");
        assertEquals("b", x("${arr[1]}"));
        ch.vars.set("which", "sofia_profile_name");
        assertEquals("external", x("${${which}}"));
        ch.vars.set("ref", "${sofia_profile_name}!");
        assertEquals("external!", x("${ref}"));
    }

    @Test
    void apiCallsRunTheirApi() {
        assertEquals("[<a b>]", x("[${echo a b}]"));
        assertEquals("<external>", x("${echo(${sofia_profile_name})}"));
        assertEquals("", x("${slow arg}"));
    }

    @Test
    void escapesAndLoneDollarsFollowFreeSwitch() {
        assertEquals("${sofia_profile_name}", x("\\${sofia_profile_name}"));
        assertEquals("a\\b external", x("a\\\\b ${sofia_profile_name}"));
        assertEquals("its external", x("it\\'s ${sofia_profile_name}"), "\\' is dropped whole");
        assertEquals("cost $5 external", x("cost $5 ${sofia_profile_name}"));
        String plain = "no vars \\here";
        assertSame(plain, x(plain), "nothing to expand: unchanged, backslashes kept");
    }
}
