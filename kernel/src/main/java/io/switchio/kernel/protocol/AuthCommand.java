package io.switchio.kernel.protocol;

/**
 * {@code auth <password>}: the inbound login. The password is compared byte-exact by FreeSWITCH.
 * {@link #toString()} hides it.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param password the {@code event_socket.conf} password
 */
public record AuthCommand(String password) implements EslCommand {

    /** Refuses CR, LF and NUL. */
    public AuthCommand {
        CommandWriter.lineSafe("password", password);
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("auth " + password).finish();
    }

    @Override
    public String verb() {
        return "auth";
    }

    @Override
    public String toString() {
        return "AuthCommand[password=***]";
    }
}
