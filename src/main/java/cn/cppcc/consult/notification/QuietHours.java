package cn.cppcc.consult.notification;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import cn.cppcc.consult.process.FormValues;

/** Hours (Beijing time) in which text messages wait; the window may run over midnight. */
public record QuietHours(LocalTime from, LocalTime until) {

    public boolean includes(OffsetDateTime moment) {
        if (from.equals(until)) {
            return false;
        }
        LocalTime t = moment.atZoneSameInstant(FormValues.ZONE).toLocalTime();
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /** When a text message due at {@code moment} may go: at once (null), or when the quiet hours end. */
    public OffsetDateTime deferUntil(OffsetDateTime moment) {
        if (!includes(moment)) {
            return null;
        }
        ZonedDateTime local = moment.atZoneSameInstant(FormValues.ZONE);
        ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toOffsetDateTime();
    }

    @Override
    public String toString() {
        return from + "—" + until;
    }
}
