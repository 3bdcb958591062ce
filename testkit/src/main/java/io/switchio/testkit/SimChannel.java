package io.switchio.testkit;

import java.util.Map;

/**
 * A read-only snapshot of one simulated channel.
 *
 * <p>Threading: immutable value.
 *
 * @param uuid {@code Unique-ID}
 * @param name {@code Channel-Name}
 * @param direction {@code inbound} or {@code outbound}
 * @param state {@code Channel-State}, e.g. {@code CS_EXECUTE}
 * @param callState {@code Channel-Call-State}, e.g. {@code ACTIVE}
 * @param answered whether the leg was answered
 * @param variables channel variables in order
 * @param peerUuid the bridged or signalling peer, or null
 */
public record SimChannel(String uuid, String name, String direction, String state, String callState,
                         boolean answered, Map<String, String> variables, String peerUuid) {
}
