package cn.supervision.cooperation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.supervision.api.cooperation.ReferralState;

/**
 * Feedback due dates are calendar days of the office (Shanghai), whatever the server's zone: a referral due today is
 * not late until the office's day is over.
 */
final class FeedbackDeadlines {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int DEFAULT_FEEDBACK_DAYS = 30;

    private final Clock clock;

    FeedbackDeadlines(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The due date a draft asks for, or the default period from today. */
    LocalDate due(LocalDate requested, LocalDate today) {
        return requested == null ? today.plusDays(DEFAULT_FEEDBACK_DAYS) : requested;
    }

    boolean overdue(ReferralState state, LocalDate due) {
        return state.awaitingFeedback() && today().isAfter(due);
    }
}
