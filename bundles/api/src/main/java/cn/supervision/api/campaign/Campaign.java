package cn.supervision.api.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.indicator.Category;
import cn.supervision.api.registry.UnitKind;

/**
 * A supervision campaign (监管活动) of one jurisdiction. The indicator-system versions it pins never change under it
 * (published versions are immutable); its target units are fixed when collection starts. {@code latePolicy} says what
 * happens to self-reports after the collection deadline.
 */
public record Campaign(long id, String jurisdictionCode, CampaignKind kind, String title, String description, Period period,
                       Map<UnitKind, Long> systems, Set<Category> categories, LocalDate collectionDeadline,
                       LocalDate scoringDeadline, List<Long> targetUnitIds, List<Member> workingGroup, CampaignState state,
                       Long rolledFrom,
                       Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, LatePolicy latePolicy) {

    /** A campaign whose plan does not say: late self-reports are marked late. */
    public Campaign(long id, String jurisdictionCode, CampaignKind kind, String title, String description, Period period,
                    Map<UnitKind, Long> systems, Set<Category> categories, LocalDate collectionDeadline,
                    LocalDate scoringDeadline, List<Long> targetUnitIds, List<Member> workingGroup, CampaignState state,
                    Long rolledFrom, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        this(id, jurisdictionCode, kind, title, description, period, systems, categories, collectionDeadline, scoringDeadline,
                targetUnitIds, workingGroup, state, rolledFrom, createdAt, createdBy, updatedAt, updatedBy, LatePolicy.MARK_LATE);
    }
}
