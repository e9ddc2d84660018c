package cn.supervision.campaign.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.campaign.LatePolicy;
import cn.supervision.api.campaign.Member;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.registry.UnitKind;

/** The plan as stored: everything of a campaign that is not identity, state or audit. */
record Plan(String title, String description, Period period, Map<UnitKind, Long> systems, Set<Category> categories,
            LocalDate collectionDeadline, LocalDate scoringDeadline, List<Long> targetUnitIds, List<Member> workingGroup,
            LatePolicy latePolicy) {
    Plan {
        // plans stored before late policies existed read back as MARK_LATE
        latePolicy = latePolicy == null ? LatePolicy.MARK_LATE : latePolicy;
        workingGroup = workingGroup == null ? List.of() : List.copyOf(workingGroup);
        // enum order whatever JSON gave back: stable answers, stable stored text
        EnumMap<UnitKind, Long> pinned = new EnumMap<>(UnitKind.class);
        if (systems != null) {
            pinned.putAll(systems);
        }
        systems = Collections.unmodifiableMap(pinned);
        categories = categories == null || categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    Plan withTargets(List<Long> targets) {
        return new Plan(title, description, period, systems, categories, collectionDeadline, scoringDeadline, targets, workingGroup,
                latePolicy);
    }
}
