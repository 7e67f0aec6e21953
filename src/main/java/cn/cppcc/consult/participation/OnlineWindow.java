package cn.cppcc.consult.participation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import cn.cppcc.consult.consultation.Consultation;
import cn.cppcc.consult.consultation.ConsultationForm;
import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.process.EngineClock;
import cn.cppcc.consult.process.FormValues;

/**
 * Where an online consultation stands for the people taking part. It is open from the moment its
 * process waits at the closing timer ({@code Event_OnlineConsultationClosed}: research accepted,
 * preparation done) until its closing time; nothing is accepted at or after the closing time, so
 * the opinions the timer closes on are exactly those posted before it.
 */
enum OnlineWindow {
    NOT_ONLINE,
    NOT_STARTED,
    OPEN,
    ENDED;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static OnlineWindow of(Consultation c, boolean waitingAtClosingTimer) {
        if (c.form() != ConsultationForm.ONLINE || c.stage() == Stage.REJECTED) {
            return NOT_ONLINE;
        }
        return switch (c.stage()) {
            case CONSULTING -> {
                if (c.closingAt() != null && !EngineClock.now().isBefore(c.closingAt())) {
                    yield ENDED;
                }
                yield waitingAtClosingTimer ? OPEN : NOT_STARTED;
            }
            case MINUTES, TRANSFER, CLOSED -> ENDED;
            default -> NOT_STARTED;
        };
    }

    /** Beijing time, as people read it. */
    static String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(FormValues.ZONE));
    }
}
