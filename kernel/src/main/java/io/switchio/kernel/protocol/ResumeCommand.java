package io.switchio.kernel.protocol;

/**
 * {@code resume}: when the socket ends, put the controlled channel back into its dialplan (sets {@code socket_resume=true}).
 *
 * <p>Threading: immutable value; any thread.
 */
public record ResumeCommand() implements EslCommand {

    @Override
    public byte[] toBytes() {
        return new CommandWriter("resume").finish();
    }

    @Override
    public String verb() {
        return "resume";
    }
}
