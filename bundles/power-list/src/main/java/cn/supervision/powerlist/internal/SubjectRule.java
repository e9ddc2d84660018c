package cn.supervision.powerlist.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.supervision.api.registry.Unit;

/**
 * The implementing body (实施主体) of an item: a unit lists only powers it exercises itself. Accepted: blank, the unit's
 * name or short name, either followed by one of its internal bodies (in brackets or directly), or an internal body
 * alone. Another unit of the jurisdiction, a unit of another jurisdiction (a list mapped across jurisdictions) or an
 * unknown body is refused with the reason.
 */
final class SubjectRule {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern BRACKETED = Pattern.compile("^(.+?)[（(]([^（）()]+)[)）]$");

    private final Unit unit;
    private final Supplier<List<Unit>> others;
    private final List<String> ownNames;
    private final Set<String> ownBodies;
    /** The other units with their names squeezed once: a list of 5 000 rows is checked against every unit. */
    private List<Named> otherUnits;

    private record Named(Unit unit, String name, String shortName) { }

    /** {@code others}: every other unit of every jurisdiction, asked for only when a body is not the unit's own. */
    SubjectRule(Unit unit, Supplier<List<Unit>> others) {
        this.unit = unit;
        this.others = others;
        List<String> names = new ArrayList<>();
        names.add(squeeze(unit.name()));
        if (!squeeze(unit.shortName()).isEmpty()) {
            names.add(squeeze(unit.shortName()));
        }
        this.ownNames = List.copyOf(names);
        this.ownBodies = unit.mandate() == null ? Set.of()
                : unit.mandate().internalBodies().stream().map(SubjectRule::squeeze).collect(Collectors.toSet());
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
        // another jurisdiction's units are not the caller's to know: say only where the body belongs
        return "实施主体“" + subject.trim() + "”属于其他行政区划，不能跨行政区划映射";
    }

    private boolean ownName(String s) {
        return ownNames().contains(s);
    }

    private List<String> ownNames() {
        return ownNames;
    }

    private boolean ownBody(String s) {
        return !s.isEmpty() && ownBodies.contains(s);
    }

    private Unit exact(String s) {
        for (Named u : others()) {
            if (u.name().equals(s) || (!u.shortName().isEmpty() && u.shortName().equals(s))) {
                return u.unit();
            }
        }
        return null;
    }

    /** A unit whose full name starts the text (its name with an internal body appended). */
    private Unit prefix(String s) {
        Named best = null;
        for (Named u : others()) {
            String n = u.name();
            if (n.length() >= 4 && s.startsWith(n) && (best == null || n.length() > best.name().length())) {
                best = u;
            }
        }
        return best == null ? null : best.unit();
    }

    private List<Named> others() {
        if (otherUnits == null) {
            otherUnits = others.get().stream().filter(this::notThisUnit)
                    .map(u -> new Named(u, squeeze(u.name()), squeeze(u.shortName()))).toList();
        }
        return otherUnits;
    }

    /** By id once registered; a unit about to be imported (id 0) is known by its code in its jurisdiction. */
    private boolean notThisUnit(Unit u) {
        if (unit.id() > 0) {
            return u.id() != unit.id();
        }
        return !(u.code().equals(unit.code()) && u.jurisdictionCode().equals(unit.jurisdictionCode()));
    }

    /** Without any whitespace: workbooks carry stray spaces and line breaks inside names. */
    static String squeeze(String s) {
        return s == null ? "" : WHITESPACE.matcher(s).replaceAll("");
    }
}
