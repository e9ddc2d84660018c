package cn.supervision.powerlist.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.supervision.api.duty.PowerItemDraft;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.DutyType;
import cn.supervision.powerlist.internal.model.PowerItemEntity;

/**
 * Checks every row of a list before anything is written, and names each problem of each row (field {@code 第N行},
 * one error per problem) so that a whole workbook can be corrected in one pass.
 */
final class RowValidator {
    private static final String ITEM_TYPES = Arrays.stream(DutyType.values()).filter(DutyType::powerItemType)
            .map(DutyType::label).collect(Collectors.joining("、"));

    /** A row that passed, with what it resolved to. */
    record Checked(PowerItemDraft draft, DutyType type, Long dutyId) { }

    /** Either the checked rows (no errors) or every problem found. */
    record Outcome(List<Checked> rows, List<FieldError> errors) { }

    /** Number → stable id (null for a duty of a mandate not yet imported, which has no id yet). */
    private final Map<Integer, Long> activeDuties;
    private final SubjectRule subjects;

    /** {@code activeDuties}: the unit's ACTIVE duties by number; {@code subjects}: the implementing-body rule for the unit. */
    RowValidator(Map<Integer, Long> activeDuties, SubjectRule subjects) {
        this.activeDuties = activeDuties;
        this.subjects = subjects;
    }

    /** The ACTIVE ones of {@code duties}, by number. */
    static Map<Integer, Long> active(List<DutyRecord> duties) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        duties.stream().filter(d -> d.status() == DutyStatus.ACTIVE).forEach(d -> out.putIfAbsent(d.number(), d.id()));
        return out;
    }

    Outcome check(List<PowerItemDraft> drafts) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<Integer>> rowsByCode = new LinkedHashMap<>();
        for (PowerItemDraft d : drafts) {
            if (!blank(d.code())) {
                rowsByCode.computeIfAbsent(d.code().trim(), c -> new ArrayList<>()).add(d.row());
            }
        }
        List<Checked> rows = new ArrayList<>();
        for (PowerItemDraft d : drafts) {
            String where = "第" + d.row() + "行";
            int before = errors.size();
            if (blank(d.code())) {
                errors.add(new FieldError(where, "事项编码不能为空"));
            } else {
                List<Integer> same = rowsByCode.get(d.code().trim());
                if (same.size() > 1) {
                    errors.add(new FieldError(where, "事项编码“" + d.code().trim() + "”在清单中重复（第"
                            + same.stream().map(String::valueOf).collect(Collectors.joining("、")) + "行）"));
                }
                tooLong(where, "事项编码", d.code(), PowerItemEntity.MAX_CODE, errors);
            }
            if (blank(d.name())) {
                errors.add(new FieldError(where, "事项名称不能为空"));
            } else {
                tooLong(where, "事项名称", d.name(), PowerItemEntity.MAX_NAME, errors);
            }
            DutyType type = DutyType.fromLabel(d.type());
            if (blank(d.type())) {
                errors.add(new FieldError(where, "事项类型不能为空（可填：" + ITEM_TYPES + "）"));
            } else if (type == null) {
                errors.add(new FieldError(where, "事项类型“" + d.type().trim() + "”不存在（可填：" + ITEM_TYPES + "）"));
            } else if (!type.powerItemType()) {
                errors.add(new FieldError(where, "“" + type.label() + "”只用于主要职责，不能作为权责事项的类型（可填：" + ITEM_TYPES + "）"));
            }
            Long dutyId = null;
            if (d.dutyNumber() != null) {
                if (!activeDuties.containsKey(d.dutyNumber())) {
                    errors.add(new FieldError(where, "对应职责序号 " + d.dutyNumber() + " 不是本单位现行三定规定中的主要职责"
                            + (activeDuties.isEmpty() ? "（本单位尚无主要职责）" : "（现有序号 " + numbers() + "）")));
                } else {
                    dutyId = activeDuties.get(d.dutyNumber());
                }
            }
            String subjectProblem = subjects.check(d.subject());
            if (subjectProblem != null) {
                errors.add(new FieldError(where, subjectProblem));
            } else {
                tooLong(where, "实施主体", d.subject(), PowerItemEntity.MAX_SUBJECT, errors);
            }
            tooLong(where, "设定依据", d.basis(), PowerItemEntity.MAX_TEXT, errors);
            tooLong(where, "责任事项", d.responsibilities(), PowerItemEntity.MAX_TEXT, errors);
            tooLong(where, "追责情形", d.accountability(), PowerItemEntity.MAX_TEXT, errors);
            if (errors.size() == before) {
                rows.add(new Checked(d, type, dutyId));
            }
        }
        return new Outcome(errors.isEmpty() ? rows : List.of(), errors);
    }

    private String numbers() {
        return activeDuties.keySet().stream().sorted().map(String::valueOf).collect(Collectors.joining("、"));
    }

    private static void tooLong(String where, String column, String value, int max, List<FieldError> errors) {
        if (value != null && value.trim().length() > max) {
            errors.add(new FieldError(where, column + "超过 " + max + " 字"));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
