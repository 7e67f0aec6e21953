package cn.cppcc.consult.process;

import java.time.OffsetDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock, so that records and timers agree when tests move time forward. */
public final class EngineClock {

    private EngineClock() {
    }

    public static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atZone(FormValues.ZONE).toOffsetDateTime();
    }
}
