package io.switchio.kernel.protocol;

/**
 * {@code userauth <user>@<domain>:<password>}: login as a directory user with its
 * {@code esl-password}. {@link #toString()} hides the password.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param user the directory user
 * @param domain the directory domain
 * @param password the user's {@code esl-password}
 */
public record UserauthCommand(String user, String domain, String password) implements EslCommand {

    /** Refuses CR, LF, NUL, and separators ({@code @}, {@code :}) inside user and domain. */
    public UserauthCommand {
        CommandWriter.word("user", user);
        CommandWriter.word("domain", domain);
        CommandWriter.lineSafe("password", password);
        if (user.contains("@") || user.contains(":") || domain.contains(":")) {
            throw new IllegalArgumentException("userauth user/domain must not contain '@' or ':'");
        }
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("userauth " + user + "@" + domain + ":" + password).finish();
    }

    @Override
    public String verb() {
        return "userauth";
    }

    @Override
    public String toString() {
        return "UserauthCommand[" + user + "@" + domain + ", password=***]";
    }
}
