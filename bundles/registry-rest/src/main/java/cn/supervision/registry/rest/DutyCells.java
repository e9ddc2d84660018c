package cn.supervision.registry.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.DutyRole;
import cn.supervision.api.registry.DutyType;

/**
 * The two duty cells of the unit sheet, written the way offices write mandates: 主要职责 one duty a line
 * ("1. [行政许可] 负责……"), 职责关联 one link a line ("第1条 牵头 NYNCJ 第2条").
 */
final class DutyCells {
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:[（(]\\s*(\\d+)\\s*[)）]|(\\d+)\\s*[.、．])\\s*(.*)$");
    private static final Pattern TYPED = Pattern.compile("^[\\[【]\\s*([^\\]】]*?)\\s*[\\]】]\\s*(.*)$");
    private static final Pattern LINK = Pattern.compile(
            "^第?\\s*(\\d+)\\s*条?\\s*(牵头|配合)?\\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\\s*第?\\s*(\\d+)\\s*条?$");

    /** Nine digits always fit an int; no mandate comes near. */
    private static final int MAX_DIGITS = 9;

    private DutyCells() {
    }

    static String format(List<Duty> duties) {
        StringBuilder out = new StringBuilder();
        for (Duty d : duties) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(d.number()).append(". ");
            if (d.type() != null) {
                out.append('[').append(d.type().label()).append("] ");
            }
            out.append(d.text());
        }
        return out.toString();
    }

    static String formatLinks(List<Duty> duties) {
        StringBuilder out = new StringBuilder();
        for (Duty d : duties) {
            for (DutyLink l : d.links()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append("第").append(d.number()).append("条 ").append(l.role() == null ? "" : l.role().label() + " ")
                        .append(l.unitCode()).append(" 第").append(l.dutyNumber()).append("条");
            }
        }
        return out.toString();
    }

    static List<Duty> duties(String text, String field, List<FieldError> errors) {
        List<Duty> duties = new ArrayList<>();
        int next = 1;
        for (String line : text.split("\\r?\\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = NUMBERED.matcher(line);
            int n;
            String rest;
            if (m.matches()) {
                Integer given = number(m.group(1) != null ? m.group(1) : m.group(2), line, field, errors);
                if (given == null) {
                    continue;
                }
                n = given;
                rest = m.group(3).trim();
            } else {
                n = next;
                rest = line.trim();
            }
            next = n + 1;
            DutyType type = null;
            Matcher t = TYPED.matcher(rest);
            if (t.matches()) {
                type = DutyType.fromLabel(t.group(1));
                if (type == null) {
                    errors.add(new FieldError(field, "第 " + n + " 条职责的类型“" + t.group(1) + "”无效（可用："
                            + Arrays.stream(DutyType.values()).map(DutyType::label).collect(Collectors.joining("、")) + "）"));
                }
                rest = t.group(2).trim();
            }
            duties.add(new Duty(null, n, rest, type, List.of()));
        }
        return duties;
    }

    /** Adds the links of the 职责关联 cell to the duties they start from; a line naming no duty of the row is an error. */
    static List<Duty> withLinks(List<Duty> duties, String text, String field, List<FieldError> errors) {
        Map<Integer, List<DutyLink>> byNumber = new HashMap<>();
        for (String line : text.split("\\r?\\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINK.matcher(line.trim());
            if (!m.matches()) {
                errors.add(new FieldError(field, "“" + line.trim() + "”应写作“第1条 牵头 单位编码 第2条”"));
                continue;
            }
            Integer from = number(m.group(1), line, field, errors);
            Integer to = from == null ? null : number(m.group(4), line, field, errors);
            if (from == null || to == null) {
                continue;
            }
            if (duties.stream().noneMatch(d -> d.number() == from)) {
                errors.add(new FieldError(field, "“" + line.trim() + "”：本单位没有第 " + from + " 条职责"));
                continue;
            }
            DutyRole role = m.group(2) == null ? null : m.group(2).equals(DutyRole.LEAD.label()) ? DutyRole.LEAD : DutyRole.ASSIST;
            byNumber.computeIfAbsent(from, k -> new ArrayList<>())
                    .add(new DutyLink(m.group(3), to, null, role));
        }
        return duties.stream().map(d -> byNumber.containsKey(d.number())
                ? new Duty(d.id(), d.number(), d.text(), d.type(), byNumber.get(d.number())) : d).toList();
    }

    /** A written duty number, or null with the line named: a digit run of any length must not overflow an int. */
    private static Integer number(String digits, String line, String field, List<FieldError> errors) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        if (significant.length() > MAX_DIGITS) {
            errors.add(new FieldError(field, "“" + line.trim() + "”：职责序号 " + abbreviated(significant) + " 过大"));
            return null;
        }
        return Integer.valueOf(significant);
    }

    private static String abbreviated(String digits) {
        return digits.length() <= 20 ? digits : digits.substring(0, 20) + "…";
    }
}
