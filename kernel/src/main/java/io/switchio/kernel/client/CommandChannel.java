package io.switchio.kernel.client;

import java.util.Set;

/**
 * The commands a host's session and client objects send, each waiting for FreeSWITCH's reply. An
 * implementation builds the protocol's command value, sends it on the host's connection and maps
 * the reply: {@code -ERR} becomes {@link io.switchio.spi.ApiException} with FreeSWITCH's text, no
 * reply in time {@link io.switchio.spi.SwitchioTimeoutException}, a dead connection
 * {@link io.switchio.spi.ConnectionLostException}.
 *
 * <p>Threading: any thread; calls block (cheaply on virtual threads).
 */
public interface CommandChannel {

    /** {@code api <command>}; returns the body as sent. */
    String api(String command);

    /**
     * {@code api <command>} about one channel, sent where that channel is best reached: the
     * host's connection, or for a channel handed over by FreeSWITCH's {@code socket} app its own
     * socket.
     */
    default String apiFor(String uuid, String command) {
        return api(command);
    }

    /** {@code bgapi <command>} with {@code Job-UUID: <jobUuid>}; returns the reply text. */
    String bgapi(String command, String jobUuid);

    /**
     * {@code sendmsg <uuid>} with {@code call-command: execute}.
     *
     * @param loops how many times ({@code -1} forever)
     */
    void execute(String uuid, String app, String arg, int loops);

    /**
     * Makes the subscription of the connection equal to {@code events}; when connected, returns
     * once FreeSWITCH confirmed (failures are logged; the desired set is re-applied on reconnect).
     */
    void subscribe(Set<String> events);

    /** True while the connection is up and authenticated. */
    boolean isConnected();
}
