package cn.supervision.rectification.internal;

import static cn.supervision.api.rectification.ItemEvent.ACCEPT;
import static cn.supervision.api.rectification.ItemEvent.CLAIM;
import static cn.supervision.api.rectification.ItemEvent.PLAN;
import static cn.supervision.api.rectification.ItemEvent.PROGRESS;
import static cn.supervision.api.rectification.ItemEvent.RETURN;

import java.util.EnumMap;
import java.util.Map;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.ItemEvent;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.NoticeEvent;
import cn.supervision.api.rectification.NoticeState;

/**
 * The two state machines as tables: a state, an event, the next state. Whatever is not in a table is refused with a
 * 409 naming the current state. An OVERDUE item stays OVERDUE while the unit plans and reports (the lateness is a
 * fact, not a label the next report wipes out) and leaves it only by a completion claim; a failed visit keeps the
 * item open to further progress and the next visit.
 */
public final class Transitions {
    private static final Map<ItemState, Map<ItemEvent, ItemState>> ITEM = new EnumMap<>(ItemState.class);
    private static final Map<NoticeState, Map<NoticeEvent, NoticeState>> NOTICE = new EnumMap<>(NoticeState.class);

    static {
        item(ItemState.NOTIFIED, PLAN, ItemState.PLANNED);
        item(ItemState.NOTIFIED, ItemEvent.MARK_OVERDUE, ItemState.OVERDUE);
        item(ItemState.PLANNED, PLAN, ItemState.PLANNED);
        item(ItemState.PLANNED, PROGRESS, ItemState.IN_PROGRESS);
        item(ItemState.PLANNED, CLAIM, ItemState.CLAIMED);
        item(ItemState.PLANNED, ItemEvent.MARK_OVERDUE, ItemState.OVERDUE);
        item(ItemState.IN_PROGRESS, PLAN, ItemState.IN_PROGRESS);
        item(ItemState.IN_PROGRESS, PROGRESS, ItemState.IN_PROGRESS);
        item(ItemState.IN_PROGRESS, CLAIM, ItemState.CLAIMED);
        item(ItemState.IN_PROGRESS, ItemEvent.MARK_OVERDUE, ItemState.OVERDUE);
        item(ItemState.RETURNED, PLAN, ItemState.PLANNED);
        item(ItemState.RETURNED, PROGRESS, ItemState.IN_PROGRESS);
        item(ItemState.RETURNED, CLAIM, ItemState.CLAIMED);
        item(ItemState.RETURNED, ItemEvent.MARK_OVERDUE, ItemState.OVERDUE);
        item(ItemState.OVERDUE, PLAN, ItemState.OVERDUE);
        item(ItemState.OVERDUE, PROGRESS, ItemState.OVERDUE);
        item(ItemState.OVERDUE, CLAIM, ItemState.CLAIMED);
        item(ItemState.CLAIMED, ACCEPT, ItemState.ACCEPTED);
        item(ItemState.CLAIMED, RETURN, ItemState.RETURNED);
        item(ItemState.ACCEPTED, ItemEvent.VISIT_PASS, ItemState.CLOSED);
        item(ItemState.ACCEPTED, ItemEvent.VISIT_FAIL, ItemState.VISIT_FAILED);
        item(ItemState.VISIT_FAILED, PROGRESS, ItemState.VISIT_FAILED);
        item(ItemState.VISIT_FAILED, ItemEvent.VISIT_PASS, ItemState.CLOSED);
        item(ItemState.VISIT_FAILED, ItemEvent.VISIT_FAIL, ItemState.VISIT_FAILED);

        notice(NoticeState.ISSUED, NoticeEvent.MARK_OVERDUE, NoticeState.OVERDUE);
        notice(NoticeState.ISSUED, NoticeEvent.ALL_ACCEPTED, NoticeState.AWAITING_VISIT);
        notice(NoticeState.OVERDUE, NoticeEvent.ALL_ACCEPTED, NoticeState.AWAITING_VISIT);
        notice(NoticeState.AWAITING_VISIT, NoticeEvent.VISIT_PASS, NoticeState.CLOSED);
        notice(NoticeState.AWAITING_VISIT, NoticeEvent.VISIT_FAIL, NoticeState.VISIT_FAILED);
        notice(NoticeState.VISIT_FAILED, NoticeEvent.VISIT_PASS, NoticeState.CLOSED);
        notice(NoticeState.VISIT_FAILED, NoticeEvent.VISIT_FAIL, NoticeState.VISIT_FAILED);
    }

    private Transitions() {
    }

    private static void item(ItemState from, ItemEvent event, ItemState to) {
        ITEM.computeIfAbsent(from, s -> new EnumMap<>(ItemEvent.class)).put(event, to);
    }

    private static void notice(NoticeState from, NoticeEvent event, NoticeState to) {
        NOTICE.computeIfAbsent(from, s -> new EnumMap<>(NoticeEvent.class)).put(event, to);
    }

    public static boolean allowed(ItemState from, ItemEvent event) {
        return ITEM.getOrDefault(from, Map.of()).containsKey(event);
    }

    public static boolean allowed(NoticeState from, NoticeEvent event) {
        return NOTICE.getOrDefault(from, Map.of()).containsKey(event);
    }

    /** The next state of an item, or 409 naming its current state. */
    public static ItemState next(ItemState from, ItemEvent event) {
        ItemState to = ITEM.getOrDefault(from, Map.of()).get(event);
        if (to == null) {
            throw SupervisionException.conflict("整改事项当前状态为“" + from.label() + "”（" + from + "），不能" + label(event));
        }
        return to;
    }

    /** The next state of a notice, or 409 naming its current state. */
    public static NoticeState next(NoticeState from, NoticeEvent event) {
        NoticeState to = NOTICE.getOrDefault(from, Map.of()).get(event);
        if (to == null) {
            throw SupervisionException.conflict("整改通知当前状态为“" + from.label() + "”（" + from + "），不能" + label(event));
        }
        return to;
    }

    static String label(ItemEvent event) {
        return switch (event) {
            case PLAN -> "报送整改方案";
            case PROGRESS -> "报送整改进展";
            case CLAIM -> "申请销号";
            case ACCEPT -> "销号";
            case RETURN -> "退回";
            case MARK_OVERDUE -> "标记逾期";
            case VISIT_PASS, VISIT_FAIL -> "记录回访结果";
        };
    }

    static String label(NoticeEvent event) {
        return switch (event) {
            case MARK_OVERDUE -> "标记逾期";
            case ALL_ACCEPTED -> "全部销号";
            case VISIT_PASS, VISIT_FAIL -> "记录回访结果";
        };
    }
}
