package io.switchio.testkit.api;

import io.switchio.testkit.engine.Channel;
import io.switchio.testkit.engine.SwitchEngine;

import java.util.List;

/**
 * {@code show channels} / {@code show calls}, plain (CSV with a count line) or {@code as json}.
 *
 * <p>Threading: engine thread only.
 */
final class ShowCommand {
    private static final String[] COLUMNS = {"uuid", "direction", "created", "created_epoch", "name", "state",
        "cid_name", "cid_num", "ip_addr", "dest", "application", "application_data", "dialplan", "context",
        "read_codec", "read_rate", "read_bit_rate", "write_codec", "write_rate", "write_bit_rate", "secure",
        "hostname", "presence_id", "presence_data", "accountcode", "callstate", "callee_name", "callee_num",
        "callee_direction", "call_uuid", "sent_callee_name", "sent_callee_num", "initial_cid_name",
        "initial_cid_num", "initial_ip_addr", "initial_dest", "initial_dialplan", "initial_context"};

    private final SwitchEngine engine;

    ShowCommand(SwitchEngine engine) {
        this.engine = engine;
    }

    String run(String args) {
        String[] p = args.split(" ");
        boolean json = args.endsWith("as json");
        if (p[0].equals("channels") || p[0].equals("calls")) {
            List<Channel> list = engine.sortedChannels();
            return json ? json(list) : csv(list);
        }
        return "-USAGE: show channels|calls [as json]\n";
    }

    private String[] row(Channel ch) {
        String app = ch.current != null ? ch.current.app() : ch.parkApp != null ? "park" : "";
        String codec = ch.mediaReady ? ch.codec : "";
        String rate = ch.mediaReady ? "8000" : "";
        String bits = ch.mediaReady ? Integer.toString(ch.codecBitRate) : "";
        return new String[] {ch.uuid, ch.outbound ? "outbound" : "inbound", "", Long.toString(ch.createdMicros / 1_000_000),
            ch.name, ch.state.name(), ch.cidName, ch.cidNumber, ch.networkAddr, ch.destination, app,
            ch.current != null ? ch.current.data : "", ch.dialplan, ch.context, codec, rate, bits, codec, rate, bits,
            "", engine.config().hostname(), "", "", "", ch.callState.name(), "", "", "", ch.callUuid(), "", "",
            ch.cidName, ch.cidNumber, ch.networkAddr, ch.destination, ch.dialplan, ch.context};
    }

    private String csv(List<Channel> list) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Channel ch : list) {
            sb.append(String.join(",", row(ch))).append('\n');
        }
        return sb.append('\n').append(list.size()).append(" total.\n").toString();
    }

    private String json(List<Channel> list) {
        StringBuilder sb = new StringBuilder("{\"row_count\":").append(list.size());
        if (!list.isEmpty()) {
            sb.append(",\"rows\":[");
            for (int i = 0; i < list.size(); i++) {
                String[] r = row(list.get(i));
                sb.append(i > 0 ? ",{" : "{");
                for (int c = 0; c < COLUMNS.length; c++) {
                    sb.append(c > 0 ? "," : "").append('"').append(COLUMNS[c]).append("\":\"")
                            .append(r[c].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                }
                sb.append('}');
            }
            sb.append(']');
        }
        return sb.append("}\n").toString();
    }
}
