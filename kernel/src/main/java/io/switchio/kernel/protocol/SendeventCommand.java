package io.switchio.kernel.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sendevent <EVENT_NAME>} with headers and an optional body: fires an event inside
 * FreeSWITCH (esl-protocol §5.9). For {@code CUSTOM}, give the {@code Event-Subclass} header.
 *
 * <p>Threading: immutable value; any thread.
 *
 * @param eventName e.g. {@code CUSTOM} or {@code NOTIFY}
 * @param headers the event headers in order
 * @param body the event body, or {@code null}
 */
public record SendeventCommand(String eventName, List<EslHeader> headers, String body) implements EslCommand {

    /** Refuses a name that is not one word and a body with NUL. */
    public SendeventCommand {
        CommandWriter.word("event name", eventName);
        headers = List.copyOf(headers);
        CommandWriter.body("sendevent body", body);
    }

    /** A {@code CUSTOM} event of a subclass, e.g. {@code myapp::ping}, with more headers. */
    public static SendeventCommand custom(String subclass, List<EslHeader> headers) {
        List<EslHeader> h = new ArrayList<>(headers.size() + 1);
        h.add(new EslHeader("Event-Subclass", CommandWriter.word("Event-Subclass", subclass)));
        h.addAll(headers);
        return new SendeventCommand("CUSTOM", h, null);
    }

    @Override
    public byte[] toBytes() {
        return new CommandWriter("sendevent " + eventName).headers(headers).finish(body);
    }

    @Override
    public String verb() {
        return "sendevent";
    }
}
