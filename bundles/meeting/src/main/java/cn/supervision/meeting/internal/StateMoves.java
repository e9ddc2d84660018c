package cn.supervision.meeting.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.meeting.Meeting;
import cn.supervision.api.meeting.MeetingState;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.meeting.internal.model.MeetingEntity;
import cn.supervision.meeting.internal.model.MeetingTransitionEntity;

/**
 * The meeting's state machine ({@link #MOVES}): a move is checked against the state the meeting has in its
 * transaction, and kept as a transition row; a change that keeps the state is checked the same way. An out-of-order
 * step is refused with the meeting's state named.
 */
final class StateMoves {
    // the service's logger, so the log configuration that watched the moves before keeps seeing them
    private static final Logger LOG = LoggerFactory.getLogger(JpaMeetingService.class);
    /** Which states each move starts from. */
    static final Map<MeetingState, Set<MeetingState>> MOVES = Map.of(
            MeetingState.HELD, Set.of(MeetingState.SCHEDULED),
            MeetingState.MINUTES_ISSUED, Set.of(MeetingState.HELD),
            MeetingState.CANCELLED, Set.of(MeetingState.SCHEDULED));

    private final JpaTemplate jpa;
    private final Rows rows;
    private final Values values;
    private final MeetingClock clock;

    StateMoves(JpaTemplate jpa, Rows rows, Values values, MeetingClock clock) {
        this.jpa = jpa;
        this.rows = rows;
        this.values = values;
        this.clock = clock;
    }

    /** Moves the meeting to {@code to} after {@code effect}, which may refuse; the meeting as it is then. */
    Meeting move(Caller caller, long id, MeetingState to, String action, String reason, Consumer<MeetingEntity> effect) {
        long now = clock.millis();
        Meeting meeting = jpa.txExpr(TransactionType.Required, em -> {
            MeetingEntity e = Rows.locked(em, id);
            if (!MOVES.get(to).contains(e.getState())) {
                throw stateConflict(id, e.getState(), action);
            }
            effect.accept(e);
            MeetingState from = e.getState();
            e.setState(to);
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            em.persist(new MeetingTransitionEntity(id, from, to, caller.username(), now, reason));
            return values.meeting(e, rows.decisions(em, List.of(id)).getOrDefault(id, List.of()));
        });
        LOG.info("Joint meeting #{} moved to {} by {}", id, to, caller.username());
        return meeting;
    }

    /** A change that keeps the state (attendance corrected, minutes written). */
    Meeting change(Caller caller, long id, String action, Consumer<MeetingEntity> effect, MeetingState... states) {
        long now = clock.millis();
        return jpa.txExpr(TransactionType.Required, em -> {
            MeetingEntity e = Rows.locked(em, id);
            requireState(e, action, states);
            effect.accept(e);
            e.setUpdatedBy(caller.username());
            e.setUpdatedAt(now);
            return values.meeting(e, rows.decisions(em, List.of(id)).getOrDefault(id, List.of()));
        });
    }

    static void requireState(MeetingEntity e, String action, MeetingState... states) {
        for (MeetingState s : states) {
            if (e.getState() == s) {
                return;
            }
        }
        throw stateConflict(e.getId(), e.getState(), action);
    }

    static SupervisionException stateConflict(long id, MeetingState state, String action) {
        String hint = state == MeetingState.SCHEDULED ? "会议尚未召开，" : "";
        return SupervisionException.conflict(hint + "会议 #" + id + " 当前状态为“" + state.label() + "”（" + state + "），不能" + action);
    }
}
