package io.switchio.kernel.transport;

import io.switchio.kernel.protocol.AuthCommand;
import io.switchio.kernel.protocol.ContentTypes;
import io.switchio.kernel.protocol.EslMessage;
import io.switchio.kernel.protocol.UserauthCommand;
import io.switchio.spi.AuthRefusedException;
import io.switchio.spi.ConnectionLostException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one inbound link: TCP connect, {@code auth/request}, {@code auth} or {@code userauth},
 * all within the connect timeout (esl-protocol §4.1-4.3). Turns FreeSWITCH's refusals into typed
 * errors: {@code -ERR invalid} and {@code text/rude-rejection} become {@link AuthRefusedException},
 * everything else (unreachable, silent, closed) {@link ConnectionLostException}.
 *
 * <p>Threading: stateless; runs on the thread that calls {@link #open}.
 */
final class InboundHandshake {

    private static final Logger LOG = LoggerFactory.getLogger(InboundHandshake.class);

    private InboundHandshake() {
    }

    static EslLink open(EslConnectionConfig config, int tickMillis) {
        String address = config.address();
        long deadline = System.nanoTime() + config.connectTimeout().toNanos();
        Socket socket = new Socket();
        EslLink l = null;
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
            socket.setSoTimeout(tickMillis);
            l = new EslLink(address, socket, config.livenessTimeout().toNanos());
            EslMessage first = l.readOne(deadline);
            if (ContentTypes.RUDE_REJECTION.equals(first.contentType())) {
                throw new AuthRefusedException(address + " rejected this client by ACL (text/rude-rejection): "
                        + first.bodyText().strip());
            }
            if (!ContentTypes.AUTH_REQUEST.equals(first.contentType())) {
                throw new ConnectionLostException(address + ": expected auth/request, got '" + first.contentType() + "'");
            }
            String user = config.user();
            l.writeRaw(user == null ? new AuthCommand(config.password())
                    : new UserauthCommand(user.substring(0, user.indexOf('@')), user.substring(user.indexOf('@') + 1),
                            config.password()));
            EslMessage reply = l.readOne(deadline);
            if (!ContentTypes.COMMAND_REPLY.equals(reply.contentType()) || !reply.replyText().startsWith("+OK")) {
                throw new AuthRefusedException(address + " refused the " + (user == null ? "password" : "userauth of " + user)
                        + ": " + (reply.replyText().isEmpty() ? reply.contentType() : reply.replyText()));
            }
            LOG.info("{}: connected and authenticated", address);
            return l;
        } catch (IOException e) {
            closeQuietly(socket, l);
            throw new ConnectionLostException(address + ": cannot connect: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(socket, l);
            throw e;
        }
    }

    private static void closeQuietly(Socket socket, EslLink l) {
        if (l != null) {
            l.close();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already failing; the original error is reported
        }
    }
}
