package cn.cppcc.consult.transfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import cn.cppcc.consult.process.FormValues;

/** How dates, deadlines and long texts of the mechanisms read in forms, messages and the timeline. */
public final class TransferTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private TransferTexts() {
    }

    public static String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(FormValues.ZONE));
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A deadline "by {@code dueOn}" ends with that day: the first moment of the next day, Beijing time. */
    public static ZonedDateTime endOf(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(FormValues.ZONE);
    }

    /** Cut to {@code max} characters (code points) for a column or a message line. */
    public static String shorten(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
