package cn.supervision.api.warning;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * The warning ledger (预警). Authority: {@code Operation.READ_WARNINGS} / {@code MANAGE_WARNINGS} of
 * {@link cn.supervision.api.security.Access}; a superior office and the unit read a warning once dispatched.
 * Transitions out of order are conflicts naming the current state.
 */
@ProviderType
public interface WarningService {

    /** Warnings of one jurisdiction the caller may read, newest first; filters apply when not null. */
    List<Warning> list(Caller caller, String jurisdictionCode, WarningLevel level, WarningState state, Long unitId);

    Warning get(Caller caller, long id);

    /** Every transition of one warning, oldest first (the raising first). */
    List<WarningTransition> history(Caller caller, long id);

    /** TO_DISPATCH → DISPATCHED: the unit's users are notified. */
    Warning dispatch(Caller caller, long id, String reason);

    /** DISPATCHED → VERIFYING. */
    Warning verify(Caller caller, long id, String reason);

    /** TO_DISPATCH or VERIFYING → CLOSED (销号); the reason is mandatory. */
    Warning close(Caller caller, long id, String reason);

    /** Any open state → CONVERTED: a finding is created with {@code FindingSource.warning(id)}. */
    Warning convert(Caller caller, long id, String reason);

    WarningSummary summary(Caller caller, String jurisdictionCode);

    /** Runs every rule now for one jurisdiction (the office's own); returns the warnings newly raised. */
    List<Warning> evaluate(Caller caller, String jurisdictionCode);
}
