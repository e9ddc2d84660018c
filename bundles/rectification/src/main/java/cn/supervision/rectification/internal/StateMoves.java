package cn.supervision.rectification.internal;

import javax.persistence.EntityManager;

import cn.supervision.api.rectification.ItemEvent;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.NoticeEvent;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.rectification.internal.model.EventEntity;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;

/**
 * Every state change of an item or a notice goes through {@link Transitions} (an out-of-order step is refused with
 * its state named) and leaves an event in the notice's history, in the caller's transaction.
 */
final class StateMoves {
    private final RecordClock clock;

    StateMoves(RecordClock clock) {
        this.clock = clock;
    }

    void item(EntityManager em, ItemEntity i, ItemEvent event, String text, String by) {
        ItemState from = i.getState();
        ItemState to = Transitions.next(from, event);
        i.setState(to);
        em.persist(new EventEntity(i.getNoticeId(), i.getId(), event.name(), from.name(), to.name(), text, by, clock.millis()));
    }

    void notice(EntityManager em, NoticeEntity n, NoticeEvent event, String text, String by) {
        NoticeState from = n.getState();
        NoticeState to = Transitions.next(from, event);
        n.setState(to);
        em.persist(new EventEntity(n.getId(), null, event.name(), from.name(), to.name(), text, by, clock.millis()));
    }
}
