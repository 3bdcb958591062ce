package io.switchio.testkit.api;

import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code show channels} / {@code show calls}, plain (CSV with a count line) or {@code as json}.
 *
 * <p>{@code show channels} lists every leg (FreeSWITCH's {@code channels} table). {@code show calls} lists
 * FreeSWITCH 1.10's {@code basic_calls} view: one row per bridged call (the A leg's columns, then the B leg's
 * as {@code b_*}, then {@code call_created_epoch}), and one row with empty {@code b_*} columns for each leg that
 * is not the B side of a bridge.
 *
 * <p>Threading: engine thread only.
 */
final class ShowCommand {
    private static final String[] CHANNEL_COLUMNS = {"uuid", "direction", "created", "created_epoch", "name", "state",
        "cid_name", "cid_num", "ip_addr", "dest", "application", "application_data", "dialplan", "context",
        "read_codec", "read_rate", "read_bit_rate", "write_codec", "write_rate", "write_bit_rate", "secure",
        "hostname", "presence_id", "presence_data", "accountcode", "callstate", "callee_name", "callee_num",
        "callee_direction", "call_uuid", "sent_callee_name", "sent_callee_num", "initial_cid_name",
        "initial_cid_num", "initial_ip_addr", "initial_dest", "initial_dialplan", "initial_context"};
    /** The {@code basic_calls} view's columns, in FreeSWITCH 1.10's order. */
    private static final String[] CALL_COLUMNS = {"uuid", "direction", "created", "created_epoch", "name", "state",
        "cid_name", "cid_num", "ip_addr", "dest", "presence_id", "presence_data", "accountcode", "callstate",
        "callee_name", "callee_num", "callee_direction", "call_uuid", "hostname", "sent_callee_name",
        "sent_callee_num", "b_uuid", "b_direction", "b_created", "b_created_epoch", "b_name", "b_state",
        "b_cid_name", "b_cid_num", "b_ip_addr", "b_dest", "b_presence_id", "b_presence_data", "b_accountcode",
        "b_callstate", "b_callee_name", "b_callee_num", "b_callee_direction", "b_sent_callee_name",
        "b_sent_callee_num", "call_created_epoch"};
    /** Number of {@code b_*} columns. */
    private static final int B_COLUMNS = 19;

    private final SwitchEngine engine;

    ShowCommand(SwitchEngine engine) {
        this.engine = engine;
    }

    String run(String args) {
        String[] p = args.split(" ");
        boolean json = args.endsWith("as json");
        List<String[]> rows = new ArrayList<>();
        String[] columns;
        if (p[0].equals("channels")) {
            columns = CHANNEL_COLUMNS;
            for (Channel ch : engine.sortedChannels()) {
                rows.add(channelRow(ch));
            }
        } else if (p[0].equals("calls")) {
            columns = CALL_COLUMNS;
            for (Channel ch : engine.sortedChannels()) {
                if (ch.bridged == null || ch.bridgeA) {
                    rows.add(callRow(ch, ch.bridged));
                }
            }
        } else {
            return "-USAGE: show channels|calls [as json]\n";
        }
        return json ? json(columns, rows) : csv(columns, rows);
    }

    private String[] channelRow(Channel ch) {
        String app = ch.current != null ? ch.current.app() : ch.parkApp != null ? "park" : "";
        String codec = ch.mediaReady ? ch.codec : "";
        String rate = ch.mediaReady ? "8000" : "";
        String bits = ch.mediaReady ? Integer.toString(ch.codecBitRate) : "";
        return new String[] {ch.uuid, direction(ch), "", epoch(ch.createdMicros),
            ch.name, ch.state.name(), ch.cidName, ch.cidNumber, ch.networkAddr, ch.destination, app,
            ch.current != null ? ch.current.data : "", ch.dialplan, ch.context, codec, rate, bits, codec, rate, bits,
            "", engine.config().hostname(), "", "", "", ch.callState.name(), "", "", "", ch.callUuid(), "", "",
            ch.cidName, ch.cidNumber, ch.networkAddr, ch.destination, ch.dialplan, ch.context};
    }

    /** A {@code basic_calls} row: leg {@code a}, and its B leg {@code b} or null for empty {@code b_*} columns. */
    private String[] callRow(Channel a, Channel b) {
        List<String> r = new ArrayList<>(CALL_COLUMNS.length);
        r.addAll(List.of(a.uuid, direction(a), "", epoch(a.createdMicros), a.name, a.state.name(), a.cidName,
                a.cidNumber, a.networkAddr, a.destination, "", "", "", a.callState.name(), a.calleeName,
                a.calleeNumber, "", a.callUuid(), engine.config().hostname(), "", ""));
        if (b == null) {
            for (int i = 0; i < B_COLUMNS; i++) {
                r.add("");
            }
            r.add("");
        } else {
            r.addAll(List.of(b.uuid, direction(b), "", epoch(b.createdMicros), b.name, b.state.name(), b.cidName,
                    b.cidNumber, b.networkAddr, b.destination, "", "", "", b.callState.name(), b.calleeName,
                    b.calleeNumber, "", "", ""));
            r.add(epoch(a.bridgedMicros));
        }
        return r.toArray(String[]::new);
    }

    private static String direction(Channel ch) {
        return ch.outbound ? "outbound" : "inbound";
    }

    private static String epoch(long micros) {
        return Long.toString(micros / 1_000_000);
    }

    private static String csv(String[] columns, List<String[]> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
        for (String[] r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        return sb.append('\n').append(rows.size()).append(" total.\n").toString();
    }

    private static String json(String[] columns, List<String[]> rows) {
        StringBuilder sb = new StringBuilder("{\"row_count\":").append(rows.size());
        if (!rows.isEmpty()) {
            sb.append(",\"rows\":[");
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                sb.append(i > 0 ? ",{" : "{");
                for (int c = 0; c < columns.length; c++) {
                    sb.append(c > 0 ? "," : "").append('"').append(columns[c]).append("\":\"")
                            .append(r[c].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                sb.append('}');
            }
            sb.append(']');
        }
        return sb.append("}\n").toString();
    }
}
