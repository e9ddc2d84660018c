package cn.supervision.survey.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;

/**
 * Submissions per client address of a shared link within a sliding hour: a shared link has no token to spend, so this
 * is what keeps one network from stuffing the ballot box.
 */
final class LinkRateLimiter {
    static final long HOUR = 3_600_000L;
    static final int MAX_CLIENTS = 100_000;

    private final int perHour;
    private final Clock clock;
    private final Map<String, Deque<Long>> clients = new ConcurrentHashMap<>();

    LinkRateLimiter(int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Counts a submission of an address against the hourly limit of the shared link (THROTTLED beyond). */
    void admit(long questionnaireId, String client) {
        long now = clock.millis();
        Deque<Long> times = clients.computeIfAbsent(questionnaireId + "|" + client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < now - HOUR) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                throw new SupervisionException(ProblemKind.THROTTLED, "提交过于频繁", "同一网络一小时内最多提交 " + perHour + " 份，请稍后再试", null);
            }
            times.addLast(now);
        }
        if (clients.size() > MAX_CLIENTS) {
            clients.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - HOUR;
                }
            });
        }
    }
}
