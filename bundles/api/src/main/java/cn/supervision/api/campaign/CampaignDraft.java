package cn.supervision.api.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.indicator.Category;
import cn.supervision.api.registry.UnitKind;

/**
 * What an office supplies to plan a campaign. {@code systems} pins a PUBLISHED indicator-system version per unit kind;
 * {@code categories} null means the kind's defaults; {@code targetUnitIds} null means every ACTIVE unit of the
 * jurisdiction when collection starts; {@code latePolicy} null means {@link LatePolicy#MARK_LATE}.
 */
public record CampaignDraft(CampaignKind kind, String title, String description, Period period,
                            Map<UnitKind, Long> systems, Set<Category> categories, LocalDate collectionDeadline,
                            LocalDate scoringDeadline, List<Long> targetUnitIds, List<Member> workingGroup,
                            LatePolicy latePolicy) {

    /** A plan that does not say what happens to late self-reports (they are marked late). */
    public CampaignDraft(CampaignKind kind, String title, String description, Period period,
                         Map<UnitKind, Long> systems, Set<Category> categories, LocalDate collectionDeadline,
                         LocalDate scoringDeadline, List<Long> targetUnitIds, List<Member> workingGroup) {
        this(kind, title, description, period, systems, categories, collectionDeadline, scoringDeadline, targetUnitIds,
                workingGroup, null);
    }
}
