package io.switchio.kernel.client;

import io.switchio.spi.Client;
import io.switchio.spi.Cluster;
import io.switchio.spi.Counters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Every host's client with counts summed over all of them, and the typed "on every host" fan-out.
 *
 * <p>Threading: immutable host list; any thread.
 */
public final class KernelCluster implements Cluster {

    private final List<Client> clients;
    private final Counters counters = new Summed();

    /** @param clients one per host, in configuration order */
    public KernelCluster(List<? extends Client> clients) {
        this.clients = List.copyOf(clients);
    }

    @Override
    public List<Client> clients() {
        return clients;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public <T> List<T> onEveryHost(Function<Client, T> operation) {
        List<T> results = new ArrayList<>(clients.size());
        RuntimeException first = null;
        for (Client c : clients) {
            try {
                results.add(operation.apply(c));
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }

    /** Sums of every host's counters. Threading: reads live values; any thread. */
    private final class Summed implements Counters {

        private long sum(ToLongFunction<Counters> f) {
            long n = 0;
            for (Client c : clients) {
                n += f.applyAsLong(c.counters());
            }
            return n;
        }

        private <V extends Number> Map<String, Long> merge(Function<Counters, Map<String, V>> f) {
            Map<String, Long> out = new TreeMap<>();
            for (Client c : clients) {
                f.apply(c.counters()).forEach((k, v) -> out.merge(k, v.longValue(), Long::sum));
            }
            return out;
        }

        @Override
        public int activeSessions() {
            return (int) sum(Counters::activeSessions);
        }

        @Override
        public int activeCalls() {
            return (int) sum(Counters::activeCalls);
        }

        @Override
        public int pendingJobs() {
            return (int) sum(Counters::pendingJobs);
        }

        @Override
        public long totalAnswered() {
            return sum(Counters::totalAnswered);
        }

        @Override
        public Map<String, Long> hangupCauses() {
            return merge(Counters::hangupCauses);
        }

        @Override
        public long failedSessions() {
            return sum(Counters::failedSessions);
        }

        @Override
        public java.util.List<String> failedSessions(String cause) {
            java.util.List<String> all = new java.util.ArrayList<>();
            for (Client c : clients) {
                all.addAll(c.counters().failedSessions(cause));
            }
            return java.util.List.copyOf(all);
        }

        @Override
        public Map<String, Long> failedJobs() {
            return merge(Counters::failedJobs);
        }

        @Override
        public Map<String, Integer> sessionsPerApp() {
            Map<String, Integer> out = new TreeMap<>();
            merge(Counters::sessionsPerApp).forEach((k, v) -> out.put(k, v.intValue()));
            return out;
        }

        @Override
        public long eventsLost() {
            return sum(Counters::eventsLost);
        }
    }
}
