package io.switchio.kernel.protocol;

/**
 * {@code myevents [<uuid>] [plain|json|xml]}: restricts the connection to one channel's events
 * (esl-protocol §5.6). Outbound: no uuid (the controlled channel), optional format. Inbound:
 * the channel's uuid; FreeSWITCH ignores the format there, select it with {@code event} first.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param uuid the channel uuid (inbound), or {@code null} (outbound)
 * @param format the format, or {@code null} to keep the connection's
 */
public record MyeventsCommand(String uuid, EventFormat format) implements EslCommand {

    /** Refuses a uuid that is not one word. */
    public MyeventsCommand {
        if (uuid != null) {
            CommandWriter.word("uuid", uuid);
        }
    }

    /** Outbound form: {@code myevents <format>}. */
    public static MyeventsCommand outbound(EventFormat format) {
        return new MyeventsCommand(null, format);
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("myevents" + (uuid == null ? "" : " " + uuid)
                + (format == null ? "" : " " + format.word())).finish();
    }

    @Override
    public String verb() {
        return "myevents";
    }
}
