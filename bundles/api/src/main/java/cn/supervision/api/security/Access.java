package cn.supervision.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import cn.supervision.api.problem.SupervisionException;

/**
 * The platform's one authority policy: who may do which {@link Operation} to the records of which jurisdiction.
 * Every service asks it; none re-derives the rules. The registry hands out an instance bound to the current
 * jurisdiction tree ({@code RegistryService.access()}).
 *
 * <p>A caller is bound to one jurisdiction. Relative to a record's jurisdiction it is the record's own office
 * (same code), a superior (the record lies below), or outside (sibling, parent, unrelated): outside is always
 * refused. Within that:
 * <ul>
 * <li>an <b>office</b> (CITY_ADMIN, COUNTY_ADMIN) reads everything in its scope, but runs only its own campaigns,
 * questionnaires and platform data, and reads a subordinate campaign's inputs and results only once published;
 * it administers units, indicator systems and contribution bundles in its whole scope;</li>
 * <li>a <b>leader</b> reads like an office and changes nothing;</li>
 * <li>a <b>partner system</b> reads the registry, published systems and published results in its scope, and
 * reads and submits its own jurisdiction's platform data;</li>
 * <li>an <b>evaluator</b> reads its own jurisdiction's registry, published systems, campaigns and inputs, and
 * grades;</li>
 * <li>a <b>unit user</b> reads its own jurisdiction's published systems and campaigns, its own unit's registry record,
 * inputs and published results, and self-reports for its own unit; it never sees another unit or county.</li>
 * <li>a <b>department</b> (cooperating department of art. 5) reads only what its own jurisdiction's office addressed to
 * it (Target.departmentCode), answers referrals and reports progress on the tasks it owns.</li>
 * </ul>
 * The platform itself ({@link Caller#system}) may do everything.
 */
public final class Access {
    private final JurisdictionHierarchy hierarchy;

    public Access(JurisdictionHierarchy hierarchy) {
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
    }

    private enum Relation { OWN, SUPERIOR, OUTSIDE }

    public boolean may(Caller caller, Operation operation, Target target) {
        if (caller.isSystem()) {
            return true;
        }
        Relation relation = relation(caller, target.jurisdictionCode());
        if (relation == Relation.OUTSIDE) {
            return false;
        }
        boolean own = relation == Relation.OWN;
        boolean office = caller.administers() && caller.unitCode() == null && caller.departmentCode() == null;
        boolean leader = caller.has(Role.LEADER);
        boolean partner = caller.has(Role.PARTNER_SYSTEM);
        boolean evaluator = caller.has(Role.EVALUATOR);
        boolean unitUser = caller.has(Role.UNIT_USER) && caller.unitCode() != null;
        boolean ownUnit = unitUser && own && caller.unitCode().equals(target.unitCode());
        boolean department = caller.has(Role.DEPARTMENT) && caller.departmentCode() != null && caller.unitCode() == null;
        boolean ownDepartment = department && own && caller.departmentCode().equals(target.departmentCode());
        boolean published = target.published();
        return switch (operation) {
            case READ_REGISTRY -> office || leader || partner || (evaluator && own)
                    || (unitUser && own && (target.unitCode() == null || ownUnit));
            case ADMINISTER_REGISTRY, MANAGE_SYSTEMS, READ_CONTRIBUTIONS, INSTALL_CONTRIBUTION, READ_AUDIT, READ_HEALTH -> office;
            case READ_SYSTEMS -> office || leader || ((partner || ((evaluator || unitUser) && own)) && published);
            case READ_CAMPAIGN -> office || leader || ((evaluator || unitUser) && own) || (partner && published);
            case READ_WORKING_GROUP -> office || leader || (evaluator && own);
            case MANAGE_CAMPAIGN, WRITE_OFFICE_INPUT, MANAGE_PLATFORM_DATA, MANAGE_SURVEY -> office && own;
            case READ_RESULTS -> ((office || leader) && (own || published)) || (partner && published)
                    || (ownUnit && published);
            case READ_INPUTS -> ((office || leader) && (own || published)) || (evaluator && own) || ownUnit;
            case WRITE_SELF_REPORT, ANSWER_PEER_REVIEW -> ownUnit;
            case WRITE_GRADE -> evaluator && own;
            case READ_PLATFORM_DATA -> office || leader || (partner && own);
            case SUBMIT_PLATFORM_DATA -> (office || partner) && own;
            case READ_SURVEY, READ_PROPOSALS, READ_DUTY_ANALYSIS -> office || leader;
            case READ_FOLLOWUP, READ_WARNINGS -> ((office || leader) && (own || published)) || (ownUnit && published);
            case MANAGE_FOLLOWUP, MANAGE_WARNINGS, MANAGE_PROPOSALS, RUN_DAILY_PASSES, MANAGE_DUTY_ANALYSIS,
                    ADMINISTER_BACKUPS -> office && own;
            case ANSWER_RECTIFICATION -> ownUnit && published;
            case READ_RECTIFICATION_STATUS -> ((office || leader) && (own || published)) || ((partner || ownUnit) && published);
            case READ_DOCUMENTS -> ((office || leader) && (own || published)) || ((ownUnit || ownDepartment) && published);
            case GENERATE_DOCUMENTS, MANAGE_SPECIAL_REPORTS, MANAGE_TASKS, MANAGE_COOPERATION, MANAGE_ASSESSMENT,
                    MANAGE_MEETINGS -> office && own;
            case READ_SPECIAL_REPORTS -> office || (leader && own);
            case INSTRUCT -> leader && own;
            case READ_TASKS -> office || leader || ownUnit || ownDepartment;
            case REPORT_TASK_PROGRESS -> (office && own) || ownUnit || ownDepartment;
            case READ_COOPERATION -> office || leader || ownDepartment;
            case ANSWER_REFERRAL -> ownDepartment;
            case READ_MEETINGS -> office || leader || (department && own);
        };
    }

    public boolean may(Caller caller, Operation operation, String jurisdictionCode) {
        return may(caller, operation, Target.of(jurisdictionCode));
    }

    /**
     * Not found for a jurisdiction that does not exist, forbidden naming the operation for one the caller may not
     * touch.
     */
    public void require(Caller caller, Operation operation, Target target) {
        if (!hierarchy.exists(target.jurisdictionCode())) {
            throw SupervisionException.notFound("行政区划代码 " + target.jurisdictionCode() + " 不存在");
        }
        if (!may(caller, operation, target)) {
            throw denied(operation, target);
        }
    }

    public void require(Caller caller, Operation operation, String jurisdictionCode) {
        require(caller, operation, Target.of(jurisdictionCode));
    }

    /** The uniform refusal, for services that decide with {@link #may} and refuse later. */
    public static SupervisionException denied(Operation operation, Target target) {
        return SupervisionException.forbidden("当前用户无权" + operation.label() + "（行政区划 " + target.jurisdictionCode()
                + (target.unitCode() == null ? "" : "，单位 " + target.unitCode()) + "）");
    }

    /** What of {@code records} the caller may see: listings show only these, never refuse as a whole. */
    public <T> List<T> filter(Caller caller, Operation operation, Collection<T> records, Function<T, Target> targetOf) {
        return records.stream().filter(r -> may(caller, operation, targetOf.apply(r))).toList();
    }

    /** True when the caller's own office is the jurisdiction's (not a superior's). */
    public boolean isOwn(Caller caller, String jurisdictionCode) {
        return caller.isSystem() || relation(caller, jurisdictionCode) == Relation.OWN;
    }

    private Relation relation(Caller caller, String jurisdictionCode) {
        String home = caller.jurisdictionCode();
        if (home == null || jurisdictionCode == null) {
            return Relation.OUTSIDE;
        }
        if (home.equals(jurisdictionCode)) {
            return Relation.OWN;
        }
        return hierarchy.within(jurisdictionCode, home) ? Relation.SUPERIOR : Relation.OUTSIDE;
    }
}
