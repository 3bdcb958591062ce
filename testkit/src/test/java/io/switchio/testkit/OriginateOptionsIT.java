package io.switchio.testkit;

import io.switchio.testkit.junit.SimulatorTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** originate's fail_on_single_reject, originate_retries/originate_retry_sleep_ms and originate_continue_on_timeout (§13). */
@SimulatorTest(speed = 20)
class OriginateOptionsIT {
    /** Started once for the class and injected by {@link SimulatorTest}. */
    private static FreeSwitchSimulator fs;

    private static String parkedB(RawEslClient c, String exten) throws Exception {
        return c.await(f -> f.isEvent("CHANNEL_PARK") && ("loopback/" + exten + "-b").equals(f.ev("Channel-Name"))).ev("Unique-ID");
    }

    private static String job(RawEslClient c) throws Exception {
        return c.await(f -> f.isEvent("BACKGROUND_JOB")).body();
    }

    @Test
    void failOnSingleRejectEndsTheSimultaneousGroupWithTheRejectingCause() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            c.send("bgapi originate {fail_on_single_reject=true}loopback/7001,loopback/7002 &park()\n\n");
            c.reply();
            String b1 = parkedB(c, "7001");
            parkedB(c, "7002");
            c.api("uuid_kill " + b1 + " USER_BUSY");
            assertTrue(job(c).endsWith("-ERR USER_BUSY\n"));
            RawEslClient.Frame lost = c.await(f -> f.isEvent("CHANNEL_HANGUP") && "loopback/7002-a".equals(f.ev("Channel-Name")));
            assertEquals("LOSE_RACE", lost.ev("Hangup-Cause"));

            c.send("bgapi originate {fail_on_single_reject=CALL_REJECTED}loopback/7003,loopback/7004 &park()\n\n");
            c.reply();
            String b3 = parkedB(c, "7003");
            String b4 = parkedB(c, "7004");
            c.api("uuid_kill " + b3 + " USER_BUSY");
            c.await(f -> f.isEvent("CHANNEL_HANGUP") && "loopback/7003-a".equals(f.ev("Channel-Name")));
            c.api("uuid_answer " + b4);
            assertTrue(job(c).contains("+OK "), "a cause not in the list leaves the other leg ringing");
            c.api("hupall");
        }
    }

    @Test
    void originateRetriesTryTheWholeDialStringAgainAfterTheSleep() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            c.send("bgapi originate {originate_retries=2,originate_retry_sleep_ms=500}loopback/7100 &park()\n\n");
            c.reply();
            String first = parkedB(c, "7100");
            c.api("uuid_kill " + first + " CALL_REJECTED");
            String second = parkedB(c, "7100");
            assertTrue(!second.equals(first));
            c.api("uuid_kill " + second + " CALL_REJECTED");
            assertTrue(job(c).endsWith("-ERR CALL_REJECTED\n"), "two tries in all, then the last cause");
        }
    }

    @Test
    void aTimedOutFailoverGroupEndsTheOriginateUnlessContinueOnTimeout() throws Exception {
        try (RawEslClient c = RawEslClient.login(fs, "ALL")) {
            c.send("bgapi originate {originate_timeout=1}loopback/7200|loopback/7201 &park()\n\n");
            c.reply();
            assertTrue(job(c).endsWith("-ERR NO_ANSWER\n"));
            assertTrue(fs.channels().stream().noneMatch(ch -> ch.name().startsWith("loopback/7201")), "7201 never tried");

            c.send("bgapi originate {originate_continue_on_timeout=true,originate_timeout=1}loopback/7202|"
                    + "[originate_timeout=60]loopback/7203 &park()\n\n");
            c.reply();
            c.api("uuid_answer " + parkedB(c, "7203"));
            assertTrue(job(c).contains("+OK "));
            c.api("hupall");
        }
    }
}
