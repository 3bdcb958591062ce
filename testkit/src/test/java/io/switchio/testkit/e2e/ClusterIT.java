package io.switchio.testkit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchio.kernel.Kernel;
import io.switchio.spi.AppOptions;
import io.switchio.spi.Client;
import io.switchio.spi.OriginateRequest;
import io.switchio.testkit.FreeSwitchSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One kernel, two FreeSWITCH hosts: apps on every host, aggregate counts, the typed fan-out. */
class ClusterIT {

    @Test
    void appsLoadOnEveryHostAndCountsAggregate() {
        try (FreeSwitchSimulator fs1 = E2e.simulator(); FreeSwitchSimulator fs2 = E2e.simulator();
                Kernel kernel = Kernel.builder().host(fs1.host(), fs1.port()).host(fs2.host(), fs2.port())
                        .trackingHeader("variable_sip_h_X-switchio_originating_session").build()) {
            kernel.start();
            kernel.loadApp(new TonePlay(), AppOptions.group("TonePlay"));
            List<Client> clients = kernel.cluster().clients();
            assertEquals(List.of(Map.of("TonePlay", List.of("TonePlay")), Map.of("TonePlay", List.of("TonePlay"))),
                    kernel.cluster().onEveryHost(Client::apps));
            kernel.cluster().onEveryHost(c -> c.originate(OriginateRequest.to("sofia/external/doggy@127.0.0.1:5080").build())
                    .result(Duration.ofSeconds(10)));
            E2e.await(() -> kernel.cluster().counters().activeSessions() == 4, () -> "4 legs on 2 hosts");
            assertEquals(2, kernel.cluster().counters().activeCalls());
            assertEquals(List.of(1, 1), kernel.cluster().onEveryHost(c -> c.calls().size()));
            assertEquals(Map.of("TonePlay", 4L), kernel.cluster().counters().sessionsPerApp().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue())));
            kernel.hupall();
            E2e.await(() -> kernel.cluster().counters().activeSessions() == 0, () -> "all hung up");
            assertEquals(4L, kernel.cluster().counters().hangupCauses().values().stream().mapToLong(Long::longValue).sum());
            assertEquals(2, clients.size());
        }
    }
}
