package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Client;
import io.switchio.testkit.FreeSwitchSimulator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code hupall} reaches every loaded group, the {@code default} one included: its legs carry no
 * {@code sip_h_X-switchio_app}, so a group-wide {@code hupall} cannot match them.
 */
class HupallIT {

    /**
     * The host's client, and the uuids of an answered call of the {@code default} group and of the
     * {@code Named} group.
     */
    private record AnsweredCalls(Client client, String plain, String named) {
    }

    /** Starts the kernel with TonePlay in both groups and waits until one call of each is answered. */
    private static AnsweredCalls answerOneCallPerGroup(FreeSwitchSimulator fs, Kernel kernel) {
        kernel.start();
        kernel.loadApp(new TonePlay(), AppOptions.defaults());
        kernel.loadApp(new TonePlay(), AppOptions.group("Named"));
        Client client = kernel.cluster().clients().get(0);
        String plain = fs.injectInboundCall("1000", Map.of());
        String named = fs.injectInboundCall("1001", Map.of("sip_h_X-switchio_app", "Named"));
        E2e.await(() -> client.session(plain).map(s -> s.isAnswered()).orElse(false)
                && client.session(named).map(s -> s.isAnswered()).orElse(false), () -> "both calls answered");
        return new AnsweredCalls(client, plain, named);
    }

    @Test
    void hupallHangsUpTheDefaultGroupAndTheNamedOnesButNotForeignCalls() {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).build()) {
            AnsweredCalls calls = answerOneCallPerGroup(fs, kernel);
            Client client = calls.client();
            String plain = calls.plain();
            String named = calls.named();
            assertEquals(AppOptions.DEFAULT_GROUP, client.session(plain).orElseThrow().appId());
            kernel.hupall();
            E2e.await(() -> fs.channel(plain).isEmpty(), () -> "the default group's call is hung up");
            E2e.await(() -> fs.channel(named).isEmpty(), () -> "the named group's call is hung up");
            E2e.await(() -> client.sessions().isEmpty(), () -> "no session left: " + client.sessions());
            assertEquals(2L, client.counters().hangupCauses().getOrDefault("NORMAL_CLEARING", 0L));
        }
    }

    @Test
    void clientHupallOfTheDefaultGroupLeavesOtherGroupsAlone() {
        try (FreeSwitchSimulator fs = E2e.simulator(); Kernel kernel = E2e.kernel(fs).build()) {
            AnsweredCalls calls = answerOneCallPerGroup(fs, kernel);
            Client client = calls.client();
            String plain = calls.plain();
            String named = calls.named();
            client.hupall(AppOptions.DEFAULT_GROUP);
            E2e.await(() -> fs.channel(plain).isEmpty(), () -> "the default group's call is hung up");
            assertEquals(true, fs.channel(named).isPresent(), "the named group's call stays");
        }
    }
}
