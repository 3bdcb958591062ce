package io.switchio.testkit.engine;

/**
 * FreeSWITCH channel states ({@code Channel-State}), numbered as {@code Channel-State-Number} (§10.2).
 *
 * <p>Threading: immutable.
 */
public enum ChannelState {
    CS_NEW, CS_INIT, CS_ROUTING, CS_SOFT_EXECUTE, CS_EXECUTE, CS_EXCHANGE_MEDIA, CS_PARK,
    CS_CONSUME_MEDIA, CS_HIBERNATE, CS_RESET, CS_HANGUP, CS_REPORTING, CS_DESTROY, CS_NONE
}
