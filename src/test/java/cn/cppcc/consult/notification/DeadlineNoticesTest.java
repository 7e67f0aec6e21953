package cn.cppcc.consult.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.cppcc.consult.notification.DeadlineNotices.Deadline;

/** How a time limit reads in a message and how many days past it a piece of work is. */
class DeadlineNoticesTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDeadlineSetAsADayReadsAsTheDayAndEndsWithIt() {
        Deadline byDay = Deadline.endOfDay("修缮村道", "村道破损", "XS-1", LocalDate.of(2026, 6, 7), 1L, null);
        assertThat(byDay.due()).isEqualTo("2026年6月7日");
        assertThat(byDay.dueAt()).isEqualTo(OffsetDateTime.parse("2026-06-08T00:00+08:00"));

        Deadline atTime = new Deadline("撰写协商纪要", "村道破损", "XS-1", OffsetDateTime.parse("2026-06-07T10:00Z"), 1L, null);
        assertThat(atTime.due()).isEqualTo("2026年6月7日 18:00");
    }

    @Test
    void aDayBegunPastTheLimitCountsAsADay() {
        Deadline deadline = Deadline.endOfDay("修缮村道", "村道破损", "XS-1", LocalDate.of(2026, 6, 7), 1L, null);
        long end = deadline.dueAt().toInstant().toEpochMilli();

        assertThat(overdueDaysAt(deadline, end - 60_000)).isZero();
        assertThat(overdueDaysAt(deadline, end)).isZero();
        assertThat(overdueDaysAt(deadline, end + 60_000)).isEqualTo(1);
        assertThat(overdueDaysAt(deadline, end + Duration.ofDays(1).toMillis())).isEqualTo(1);
        assertThat(overdueDaysAt(deadline, end + Duration.ofDays(7).toMillis() + 60_000)).isEqualTo(8);
    }

    private static long overdueDaysAt(Deadline deadline, long millis) {
        ClockUtil.setCurrentTime(new Date(millis));
        return DeadlineNotices.overdueDays(deadline);
    }
}
