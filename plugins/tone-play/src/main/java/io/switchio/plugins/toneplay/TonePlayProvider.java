package io.switchio.plugins.toneplay;

import io.switchio.spi.AppProvider;
import io.switchio.spi.ParameterSpec;
import io.switchio.spi.ParameterType;
import java.util.List;

/**
 * The {@link AppProvider} of {@link TonePlay}, registered in
 * {@code META-INF/services/io.switchio.spi.AppProvider}.
 *
 * <p>Threading: stateless; any thread.
 */
public final class TonePlayProvider implements AppProvider {

    /** Parameter: the tone_stream tone spec. */
    static final String TONE = "tone";
    /** Parameter: how often mod_tone_stream repeats the tone; -1 is forever. */
    static final String LOOPS = "loops";
    /** A 1004 Hz tone, 251 ms on, no pause: a continuous "milliwatt"-like test tone when looped. */
    static final String DEFAULT_TONE = "%(251,0,1004)";

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public TonePlayProvider() {
    }

    @Override
    public String id() {
        return "tone-play";
    }

    @Override
    public String description() {
        return "Answers inbound legs when they park and echoes their audio; outbound legs play a 1004 Hz tone that loops until hangup.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.optional(TONE, ParameterType.STRING, DEFAULT_TONE,
                        "mod_tone_stream tone played on outbound legs, e.g. %(251,0,1004)"),
                ParameterSpec.optional(LOOPS, ParameterType.INT, "-1",
                        "times mod_tone_stream repeats the tone; -1 loops until hangup"));
    }

    @Override
    public Object create() {
        return new TonePlay();
    }

    static String toneStream(String tone, int loops) {
        return "tone_stream://" + tone + ";loops=" + loops;
    }
}
