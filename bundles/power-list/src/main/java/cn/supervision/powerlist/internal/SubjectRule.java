package cn.supervision.powerlist.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.supervision.api.registry.Unit;

/**
 * The implementing body (实施主体) of an item: a unit lists only powers it exercises itself. Accepted: blank, the unit's
 * name or short name, either followed by one of its internal bodies (in brackets or directly), or an internal body
 * alone. Another unit of the jurisdiction, a unit of another jurisdiction (a list mapped across jurisdictions) or an
 * unknown body is refused with the reason.
 */
final class SubjectRule {
    private static final Pattern BRACKETED = Pattern.compile("^(.+?)[（(]([^（）()]+)[)）]$");

    private final Unit unit;
    private final Supplier<List<Unit>> others;
    private List<Unit> otherUnits;

    /** {@code others}: every other unit of every jurisdiction, asked for only when a body is not the unit's own. */
    SubjectRule(Unit unit, Supplier<List<Unit>> others) {
        this.unit = unit;
        this.others = others;
    }

    /** Null when the body is acceptable, else the reason in words. */
    String check(String subject) {
        String s = squeeze(subject);
        if (s.isEmpty()) {
            return null;
        }
        String base = s;
        String body = null;
        Matcher m = BRACKETED.matcher(s);
        if (m.matches()) {
            base = m.group(1);
            body = m.group(2);
        }
        if (ownName(base)) {
            return body == null || ownBody(body) ? null : "实施主体“" + subject.trim() + "”中的“" + body + "”不是本单位的内设机构";
        }
        Unit other = exact(base);
        if (other == null && body == null && ownBody(s)) {
            return null;
        }
        if (other == null && body == null) {
            for (String own : ownNames()) {
                if (s.startsWith(own) && ownBody(s.substring(own.length()))) {
                    return null;
                }
            }
        }
        if (other == null) {
            other = prefix(base);
        }
        if (other == null) {
            return "实施主体“" + subject.trim() + "”不是本单位（应为空、本单位名称或简称，可加本单位内设机构）";
        }
        if (other.jurisdictionCode().equals(unit.jurisdictionCode())) {
            return "实施主体“" + subject.trim() + "”是本行政区划的另一单位（" + other.name() + "），不能列入本单位清单";
        }
        return "实施主体“" + subject.trim() + "”是其他行政区划（" + other.jurisdictionCode() + "）的单位" + other.name()
                + "，不能跨行政区划映射";
    }

    private boolean ownName(String s) {
        return ownNames().contains(s);
    }

    private List<String> ownNames() {
        List<String> names = new ArrayList<>();
        names.add(squeeze(unit.name()));
        if (!squeeze(unit.shortName()).isEmpty()) {
            names.add(squeeze(unit.shortName()));
        }
        return names;
    }

    private boolean ownBody(String s) {
        if (unit.mandate() == null || s.isEmpty()) {
            return false;
        }
        return unit.mandate().internalBodies().stream().map(SubjectRule::squeeze).anyMatch(s::equals);
    }

    private Unit exact(String s) {
        for (Unit u : others()) {
            if (squeeze(u.name()).equals(s) || (!squeeze(u.shortName()).isEmpty() && squeeze(u.shortName()).equals(s))) {
                return u;
            }
        }
        return null;
    }

    /** A unit whose full name starts the text (its name with an internal body appended). */
    private Unit prefix(String s) {
        Unit best = null;
        for (Unit u : others()) {
            String n = squeeze(u.name());
            if (n.length() >= 4 && s.startsWith(n) && (best == null || n.length() > squeeze(best.name()).length())) {
                best = u;
            }
        }
        return best;
    }

    private List<Unit> others() {
        if (otherUnits == null) {
            otherUnits = others.get().stream().filter(u -> u.id() != unit.id()).toList();
        }
        return otherUnits;
    }

    /** Without any whitespace: workbooks carry stray spaces and line breaks inside names. */
    static String squeeze(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }
}
