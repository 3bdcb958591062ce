package io.switchio.kernel.testing;

import io.switchio.kernel.client.CommandChannel;
import io.switchio.spi.ApiException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Records every command; api replies come from a function. Threading: thread-safe. */
public final class FakeChannel implements CommandChannel {

    public final List<String> sent = new CopyOnWriteArrayList<>();
    public final List<Set<String>> subscriptions = new CopyOnWriteArrayList<>();
    private volatile Function<String, String> replies = c -> "+OK\n";

    public void replies(Function<String, String> replies) {
        this.replies = replies;
    }

    @Override
    public String api(String command) {
        sent.add("api " + command);
        String r = replies.apply(command);
        if (r.startsWith("-ERR")) {
            throw new ApiException("api " + command, r);
        }
        return r;
    }

    @Override
    public String bgapi(String command, String jobUuid) {
        sent.add("bgapi " + command + " Job-UUID=" + jobUuid);
        return "+OK Job-UUID: " + jobUuid;
    }

    @Override
    public void execute(String uuid, String app, String arg, int loops) {
        sent.add("sendmsg " + uuid + " execute " + app + " " + arg + " loops=" + loops);
    }

    @Override
    public void subscribe(Set<String> events) {
        subscriptions.add(Set.copyOf(events));
    }

    @Override
    public boolean isConnected() {
        return true;
    }
}
