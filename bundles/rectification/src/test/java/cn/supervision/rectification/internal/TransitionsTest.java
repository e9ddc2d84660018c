package cn.supervision.rectification.internal;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.rectification.ItemEvent;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.NoticeEvent;
import cn.supervision.api.rectification.NoticeState;

/** Every (state, event) pair of both machines: the allowed ones lead where the specification says, every other is a 409 naming the state. */
class TransitionsTest {
    /** The specification, written out independently of the table in the code. */
    static final Map<String, ItemState> ITEM = Map.ofEntries(
            Map.entry("NOTIFIED/PLAN", ItemState.PLANNED), Map.entry("NOTIFIED/MARK_OVERDUE", ItemState.OVERDUE),
            Map.entry("PLANNED/PLAN", ItemState.PLANNED), Map.entry("PLANNED/PROGRESS", ItemState.IN_PROGRESS),
            Map.entry("PLANNED/CLAIM", ItemState.CLAIMED), Map.entry("PLANNED/MARK_OVERDUE", ItemState.OVERDUE),
            Map.entry("IN_PROGRESS/PLAN", ItemState.IN_PROGRESS), Map.entry("IN_PROGRESS/PROGRESS", ItemState.IN_PROGRESS),
            Map.entry("IN_PROGRESS/CLAIM", ItemState.CLAIMED), Map.entry("IN_PROGRESS/MARK_OVERDUE", ItemState.OVERDUE),
            Map.entry("RETURNED/PLAN", ItemState.PLANNED), Map.entry("RETURNED/PROGRESS", ItemState.IN_PROGRESS),
            Map.entry("RETURNED/CLAIM", ItemState.CLAIMED), Map.entry("RETURNED/MARK_OVERDUE", ItemState.OVERDUE),
            Map.entry("OVERDUE/PLAN", ItemState.OVERDUE), Map.entry("OVERDUE/PROGRESS", ItemState.OVERDUE),
            Map.entry("OVERDUE/CLAIM", ItemState.CLAIMED),
            Map.entry("CLAIMED/ACCEPT", ItemState.ACCEPTED), Map.entry("CLAIMED/RETURN", ItemState.RETURNED),
            Map.entry("ACCEPTED/VISIT_PASS", ItemState.CLOSED), Map.entry("ACCEPTED/VISIT_FAIL", ItemState.VISIT_FAILED),
            Map.entry("VISIT_FAILED/PROGRESS", ItemState.VISIT_FAILED), Map.entry("VISIT_FAILED/VISIT_PASS", ItemState.CLOSED),
            Map.entry("VISIT_FAILED/VISIT_FAIL", ItemState.VISIT_FAILED));
    static final Map<String, NoticeState> NOTICE = Map.of(
            "ISSUED/MARK_OVERDUE", NoticeState.OVERDUE, "ISSUED/ALL_ACCEPTED", NoticeState.AWAITING_VISIT,
            "OVERDUE/ALL_ACCEPTED", NoticeState.AWAITING_VISIT,
            "AWAITING_VISIT/VISIT_PASS", NoticeState.CLOSED, "AWAITING_VISIT/VISIT_FAIL", NoticeState.VISIT_FAILED,
            "VISIT_FAILED/VISIT_PASS", NoticeState.CLOSED, "VISIT_FAILED/VISIT_FAIL", NoticeState.VISIT_FAILED);

    static List<Arguments> itemPairs() {
        List<Arguments> out = new ArrayList<>();
        for (ItemState s : ItemState.values()) {
            for (ItemEvent e : ItemEvent.values()) {
                out.add(Arguments.of(s, e));
            }
        }
        return out;
    }

    static List<Arguments> noticePairs() {
        List<Arguments> out = new ArrayList<>();
        for (NoticeState s : NoticeState.values()) {
            for (NoticeEvent e : NoticeEvent.values()) {
                out.add(Arguments.of(s, e));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "item {0} + {1}")
    @MethodSource("itemPairs")
    void item(ItemState from, ItemEvent event) {
        ItemState expected = ITEM.get(from + "/" + event);
        assertEquals(expected != null, Transitions.allowed(from, event));
        if (expected != null) {
            assertEquals(expected, Transitions.next(from, event));
        } else {
            SupervisionException e = assertThrows(SupervisionException.class, () -> Transitions.next(from, event));
            assertEquals(ProblemKind.CONFLICT, e.kind());
            assertTrue(e.getMessage().contains(from.name()) && e.getMessage().contains(from.label()), e.getMessage());
        }
    }

    @ParameterizedTest(name = "notice {0} + {1}")
    @MethodSource("noticePairs")
    void notice(NoticeState from, NoticeEvent event) {
        NoticeState expected = NOTICE.get(from + "/" + event);
        assertEquals(expected != null, Transitions.allowed(from, event));
        if (expected != null) {
            assertEquals(expected, Transitions.next(from, event));
        } else {
            SupervisionException e = assertThrows(SupervisionException.class, () -> Transitions.next(from, event));
            assertEquals(ProblemKind.CONFLICT, e.kind());
            assertTrue(e.getMessage().contains(from.name()), e.getMessage());
        }
    }
}
