package io.switchio.testkit.engine;

import java.util.Locale;

/**
 * Hangup causes with their codes (§10.6) and FreeSWITCH's lenient parsing rule.
 *
 * <p>Threading: immutable.
 */
public enum HangupCause {
    /** {@code NONE}, Q.850 cause 0. */
    NONE(0),
    /** {@code UNALLOCATED_NUMBER}, Q.850 cause 1. */
    UNALLOCATED_NUMBER(1),
    /** {@code NO_ROUTE_TRANSIT_NET}, Q.850 cause 2. */
    NO_ROUTE_TRANSIT_NET(2),
    /** {@code NO_ROUTE_DESTINATION}, Q.850 cause 3. */
    NO_ROUTE_DESTINATION(3),
    /** {@code CHANNEL_UNACCEPTABLE}, Q.850 cause 6. */
    CHANNEL_UNACCEPTABLE(6),
    /** {@code CALL_AWARDED_DELIVERED}, Q.850 cause 7. */
    CALL_AWARDED_DELIVERED(7),
    /** {@code NORMAL_CLEARING}, Q.850 cause 16. */
    NORMAL_CLEARING(16),
    /** {@code USER_BUSY}, Q.850 cause 17. */
    USER_BUSY(17),
    /** {@code NO_USER_RESPONSE}, Q.850 cause 18. */
    NO_USER_RESPONSE(18),
    /** {@code NO_ANSWER}, Q.850 cause 19. */
    NO_ANSWER(19),
    /** {@code SUBSCRIBER_ABSENT}, Q.850 cause 20. */
    SUBSCRIBER_ABSENT(20),
    /** {@code CALL_REJECTED}, Q.850 cause 21. */
    CALL_REJECTED(21),
    /** {@code NUMBER_CHANGED}, Q.850 cause 22. */
    NUMBER_CHANGED(22),
    /** {@code REDIRECTION_TO_NEW_DESTINATION}, Q.850 cause 23. */
    REDIRECTION_TO_NEW_DESTINATION(23),
    /** {@code EXCHANGE_ROUTING_ERROR}, Q.850 cause 25. */
    EXCHANGE_ROUTING_ERROR(25),
    /** {@code DESTINATION_OUT_OF_ORDER}, Q.850 cause 27. */
    DESTINATION_OUT_OF_ORDER(27),
    /** {@code INVALID_NUMBER_FORMAT}, Q.850 cause 28. */
    INVALID_NUMBER_FORMAT(28),
    /** {@code FACILITY_REJECTED}, Q.850 cause 29. */
    FACILITY_REJECTED(29),
    /** {@code RESPONSE_TO_STATUS_ENQUIRY}, Q.850 cause 30. */
    RESPONSE_TO_STATUS_ENQUIRY(30),
    /** {@code NORMAL_UNSPECIFIED}, Q.850 cause 31. */
    NORMAL_UNSPECIFIED(31),
    /** {@code NORMAL_CIRCUIT_CONGESTION}, Q.850 cause 34. */
    NORMAL_CIRCUIT_CONGESTION(34),
    /** {@code NETWORK_OUT_OF_ORDER}, Q.850 cause 38. */
    NETWORK_OUT_OF_ORDER(38),
    /** {@code NORMAL_TEMPORARY_FAILURE}, Q.850 cause 41. */
    NORMAL_TEMPORARY_FAILURE(41),
    /** {@code SWITCH_CONGESTION}, Q.850 cause 42. */
    SWITCH_CONGESTION(42),
    /** {@code ACCESS_INFO_DISCARDED}, Q.850 cause 43. */
    ACCESS_INFO_DISCARDED(43),
    /** {@code REQUESTED_CHAN_UNAVAIL}, Q.850 cause 44. */
    REQUESTED_CHAN_UNAVAIL(44),
    /** {@code PRE_EMPTED}, Q.850 cause 45. */
    PRE_EMPTED(45),
    /** {@code FACILITY_NOT_SUBSCRIBED}, Q.850 cause 50. */
    FACILITY_NOT_SUBSCRIBED(50),
    /** {@code OUTGOING_CALL_BARRED}, Q.850 cause 52. */
    OUTGOING_CALL_BARRED(52),
    /** {@code INCOMING_CALL_BARRED}, Q.850 cause 54. */
    INCOMING_CALL_BARRED(54),
    /** {@code BEARERCAPABILITY_NOTAUTH}, Q.850 cause 57. */
    BEARERCAPABILITY_NOTAUTH(57),
    /** {@code BEARERCAPABILITY_NOTAVAIL}, Q.850 cause 58. */
    BEARERCAPABILITY_NOTAVAIL(58),
    /** {@code SERVICE_UNAVAILABLE}, Q.850 cause 63. */
    SERVICE_UNAVAILABLE(63),
    /** {@code BEARERCAPABILITY_NOTIMPL}, Q.850 cause 65. */
    BEARERCAPABILITY_NOTIMPL(65),
    /** {@code CHAN_NOT_IMPLEMENTED}, Q.850 cause 66. */
    CHAN_NOT_IMPLEMENTED(66),
    /** {@code FACILITY_NOT_IMPLEMENTED}, Q.850 cause 69. */
    FACILITY_NOT_IMPLEMENTED(69),
    /** {@code SERVICE_NOT_IMPLEMENTED}, Q.850 cause 79. */
    SERVICE_NOT_IMPLEMENTED(79),
    /** {@code INVALID_CALL_REFERENCE}, Q.850 cause 81. */
    INVALID_CALL_REFERENCE(81),
    /** {@code INCOMPATIBLE_DESTINATION}, Q.850 cause 88. */
    INCOMPATIBLE_DESTINATION(88),
    /** {@code INVALID_MSG_UNSPECIFIED}, Q.850 cause 95. */
    INVALID_MSG_UNSPECIFIED(95),
    /** {@code MANDATORY_IE_MISSING}, Q.850 cause 96. */
    MANDATORY_IE_MISSING(96),
    /** {@code MESSAGE_TYPE_NONEXIST}, Q.850 cause 97. */
    MESSAGE_TYPE_NONEXIST(97),
    /** {@code WRONG_MESSAGE}, Q.850 cause 98. */
    WRONG_MESSAGE(98),
    /** {@code IE_NONEXIST}, Q.850 cause 99. */
    IE_NONEXIST(99),
    /** {@code INVALID_IE_CONTENTS}, Q.850 cause 100. */
    INVALID_IE_CONTENTS(100),
    /** {@code WRONG_CALL_STATE}, Q.850 cause 101. */
    WRONG_CALL_STATE(101),
    /** {@code RECOVERY_ON_TIMER_EXPIRE}, Q.850 cause 102. */
    RECOVERY_ON_TIMER_EXPIRE(102),
    /** {@code MANDATORY_IE_LENGTH_ERROR}, Q.850 cause 103. */
    MANDATORY_IE_LENGTH_ERROR(103),
    /** {@code PROTOCOL_ERROR}, Q.850 cause 111. */
    PROTOCOL_ERROR(111),
    /** {@code INTERWORKING}, Q.850 cause 127. */
    INTERWORKING(127),
    /** {@code SUCCESS}, Q.850 cause 142. */
    SUCCESS(142),
    /** {@code ORIGINATOR_CANCEL}, FreeSWITCH cause 487. */
    ORIGINATOR_CANCEL(487),
    /** {@code CRASH}, FreeSWITCH cause 700. */
    CRASH(700),
    /** {@code SYSTEM_SHUTDOWN}, FreeSWITCH cause 701. */
    SYSTEM_SHUTDOWN(701),
    /** {@code LOSE_RACE}, FreeSWITCH cause 702. */
    LOSE_RACE(702),
    /** {@code MANAGER_REQUEST}, FreeSWITCH cause 703. */
    MANAGER_REQUEST(703),
    /** {@code BLIND_TRANSFER}, FreeSWITCH cause 800. */
    BLIND_TRANSFER(800),
    /** {@code ATTENDED_TRANSFER}, FreeSWITCH cause 801. */
    ATTENDED_TRANSFER(801),
    /** {@code ALLOTTED_TIMEOUT}, FreeSWITCH cause 802. */
    ALLOTTED_TIMEOUT(802),
    /** {@code USER_CHALLENGE}, FreeSWITCH cause 803. */
    USER_CHALLENGE(803),
    /** {@code MEDIA_TIMEOUT}, FreeSWITCH cause 804. */
    MEDIA_TIMEOUT(804),
    /** {@code PICKED_OFF}, FreeSWITCH cause 805. */
    PICKED_OFF(805),
    /** {@code USER_NOT_REGISTERED}, FreeSWITCH cause 806. */
    USER_NOT_REGISTERED(806),
    /** {@code PROGRESS_TIMEOUT}, FreeSWITCH cause 807. */
    PROGRESS_TIMEOUT(807),
    /** {@code INVALID_GATEWAY}, FreeSWITCH cause 808. */
    INVALID_GATEWAY(808),
    /** {@code GATEWAY_DOWN}, FreeSWITCH cause 809. */
    GATEWAY_DOWN(809),
    /** {@code INVALID_URL}, FreeSWITCH cause 810. */
    INVALID_URL(810),
    /** {@code INVALID_PROFILE}, FreeSWITCH cause 811. */
    INVALID_PROFILE(811),
    /** {@code NO_PICKUP}, FreeSWITCH cause 812. */
    NO_PICKUP(812),
    /** {@code SRTP_READ_ERROR}, FreeSWITCH cause 813. */
    SRTP_READ_ERROR(813),
    /** {@code BOWOUT}, FreeSWITCH cause 814. */
    BOWOUT(814),
    /** {@code BUSY_EVERYWHERE}, FreeSWITCH cause 815. */
    BUSY_EVERYWHERE(815),
    /** {@code DECLINE}, FreeSWITCH cause 816. */
    DECLINE(816),
    /** {@code DOES_NOT_EXIST_ANYWHERE}, FreeSWITCH cause 817. */
    DOES_NOT_EXIST_ANYWHERE(817),
    /** {@code NOT_ACCEPTABLE}, FreeSWITCH cause 818. */
    NOT_ACCEPTABLE(818),
    /** {@code UNWANTED}, FreeSWITCH cause 819. */
    UNWANTED(819),
    /** {@code NO_IDENTITY}, FreeSWITCH cause 820. */
    NO_IDENTITY(820),
    /** {@code BAD_IDENTITY_INFO}, FreeSWITCH cause 821. */
    BAD_IDENTITY_INFO(821),
    /** {@code UNSUPPORTED_CERTIFICATE}, FreeSWITCH cause 822. */
    UNSUPPORTED_CERTIFICATE(822),
    /** {@code INVALID_IDENTITY}, FreeSWITCH cause 823. */
    INVALID_IDENTITY(823),
    /** {@code STALE_DATE}, FreeSWITCH cause 824. */
    STALE_DATE(824),
    /** {@code REJECT_ALL}, FreeSWITCH cause 825. */
    REJECT_ALL(825)
;

    private final int code;

    HangupCause(int code) {
        this.code = code;
    }

    /** The numeric cause ({@code hangup_cause_q850}). */
    public int code() {
        return code;
    }

    /**
     * FreeSWITCH's rule: a leading digit means a number; otherwise a case-insensitive name; anything
     * unknown silently becomes {@code NORMAL_CLEARING}; null or blank gives {@code fallback}.
     */
    public static HangupCause parse(String text, HangupCause fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim();
        if (Character.isDigit(t.charAt(0))) {
            try {
                int n = Integer.parseInt(t);
                for (HangupCause c : values()) {
                    if (c.code == n) {
                        return c;
                    }
                }
            } catch (NumberFormatException ignored) {
                return NORMAL_CLEARING;
            }
            return NORMAL_CLEARING;
        }
        try {
            return valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return NORMAL_CLEARING;
        }
    }

    /** Exact-name lookup; null when unknown (for {@code error/<cause>} endpoints). */
    public static HangupCause byName(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
