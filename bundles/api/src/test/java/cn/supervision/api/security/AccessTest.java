package cn.supervision.api.security;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.SupervisionException;

/**
 * The authority policy as a table: role × jurisdiction relation × operation × published. Each cell of the table is
 * written out by hand (not derived from the rules), so a change of the policy shows up here as a changed line.
 */
class AccessTest {
    /** Dongying city, two counties below it, and a development zone below one county. */
    static final Map<String, String> PARENT = Map.of("370500", "", "370522", "370500", "370523", "370500", "370522L", "370522");

    static final Access ACCESS = new Access(new JurisdictionHierarchy() {
        @Override
        public boolean exists(String code) {
            return PARENT.containsKey(code);
        }

        @Override
        public boolean within(String code, String ancestor) {
            for (String c = code; c != null && !c.isEmpty(); c = PARENT.get(c)) {
                if (c.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }
    });

    enum Who {
        OFFICE(Role.CITY_ADMIN, null), LEADER(Role.LEADER, null), PARTNER(Role.PARTNER_SYSTEM, null),
        EVALUATOR(Role.EVALUATOR, null), UNIT(Role.UNIT_USER, "CZJ"), OTHER_UNIT(Role.UNIT_USER, "JYJ"),
        DEPARTMENT(Role.DEPARTMENT, null, "SJJ");

        final Role role;
        final String unit;
        final String department;

        Who(Role role, String unit) {
            this(role, unit, null);
        }

        Who(Role role, String unit, String department) {
            this.role = role;
            this.unit = unit;
            this.department = department;
        }

        Caller at(String jurisdiction) {
            return new Caller(name().toLowerCase(), Set.of(role), jurisdiction, unit, department);
        }
    }

    /**
     * For each operation and caller bound to the city: four cells — the city's own records (unpublished, published),
     * a county's records (unpublished, published). Records are those of unit CZJ. Missing callers: "0000".
     */
    static final Map<Operation, Map<Who, String>> TABLE = new EnumMap<>(Operation.class);

    static void row(Operation op, Object... cells) {
        Map<Who, String> m = new EnumMap<>(Who.class);
        for (Who w : Who.values()) {
            m.put(w, "0000");
        }
        for (int i = 0; i < cells.length; i += 2) {
            m.put((Who) cells[i], (String) cells[i + 1]);
        }
        TABLE.put(op, m);
    }

    static {
        Who o = Who.OFFICE, l = Who.LEADER, p = Who.PARTNER, e = Who.EVALUATOR, u = Who.UNIT, x = Who.OTHER_UNIT, d = Who.DEPARTMENT;
        //                                  own  own+pub  county  county+pub
        row(Operation.READ_REGISTRY,        o, "1111", l, "1111", p, "1111", e, "1100", u, "1100");
        row(Operation.ADMINISTER_REGISTRY,  o, "1111");
        row(Operation.READ_SYSTEMS,         o, "1111", l, "1111", p, "0101", e, "0100", u, "0100", x, "0100");
        row(Operation.MANAGE_SYSTEMS,       o, "1111");
        row(Operation.READ_CAMPAIGN,        o, "1111", l, "1111", p, "0101", e, "1100", u, "1100", x, "1100");
        row(Operation.READ_WORKING_GROUP,   o, "1111", l, "1111", e, "1100");
        row(Operation.MANAGE_CAMPAIGN,      o, "1100");
        row(Operation.READ_RESULTS,         o, "1101", l, "1101", p, "0101", u, "0100");
        row(Operation.READ_INPUTS,          o, "1101", l, "1101", e, "1100", u, "1100");
        row(Operation.WRITE_OFFICE_INPUT,   o, "1100");
        row(Operation.WRITE_SELF_REPORT,    u, "1100");
        row(Operation.WRITE_GRADE,          e, "1100");
        row(Operation.READ_CONTRIBUTIONS,   o, "1111");
        row(Operation.INSTALL_CONTRIBUTION, o, "1111");
        row(Operation.READ_PLATFORM_DATA,   o, "1111", l, "1111", p, "1100");
        row(Operation.SUBMIT_PLATFORM_DATA, o, "1100", p, "1100");
        row(Operation.MANAGE_PLATFORM_DATA, o, "1100");
        row(Operation.READ_SURVEY,          o, "1111", l, "1111");
        row(Operation.ANSWER_PEER_REVIEW,   u, "1100");
        row(Operation.MANAGE_SURVEY,        o, "1100");
        row(Operation.READ_AUDIT,           o, "1111");
        row(Operation.READ_HEALTH,          o, "1111");
        row(Operation.READ_FOLLOWUP,        o, "1101", l, "1101", u, "0100");
        row(Operation.MANAGE_FOLLOWUP,      o, "1100");
        row(Operation.ANSWER_RECTIFICATION, u, "0100");
        row(Operation.READ_RECTIFICATION_STATUS, o, "1101", l, "1101", p, "0101", u, "0100");
        row(Operation.READ_WARNINGS,        o, "1101", l, "1101", u, "0100");
        row(Operation.MANAGE_WARNINGS,      o, "1100");
        row(Operation.READ_PROPOSALS,       o, "1111", l, "1111");
        row(Operation.MANAGE_PROPOSALS,     o, "1100");
        row(Operation.RUN_DAILY_PASSES,     o, "1100");
        row(Operation.READ_DOCUMENTS,       o, "1101", l, "1101", u, "0100");
        row(Operation.GENERATE_DOCUMENTS,   o, "1100");
        row(Operation.READ_SPECIAL_REPORTS, o, "1111", l, "1100");
        row(Operation.MANAGE_SPECIAL_REPORTS, o, "1100");
        row(Operation.INSTRUCT,             l, "1100");
        row(Operation.READ_TASKS,           o, "1111", l, "1111", u, "1100");
        row(Operation.REPORT_TASK_PROGRESS, o, "1100", u, "1100");
        row(Operation.MANAGE_TASKS,         o, "1100");
        row(Operation.READ_COOPERATION,     o, "1111", l, "1111");
        row(Operation.MANAGE_COOPERATION,   o, "1100");
        row(Operation.ANSWER_REFERRAL);
        row(Operation.MANAGE_ASSESSMENT,    o, "1100");
        row(Operation.READ_MEETINGS,        o, "1111", l, "1111", d, "1100");
        row(Operation.MANAGE_MEETINGS,      o, "1100");
        row(Operation.READ_DUTY_ANALYSIS,   o, "1111", l, "1111");
        row(Operation.MANAGE_DUTY_ANALYSIS, o, "1100");
        row(Operation.ADMINISTER_BACKUPS,   o, "1100");
    }

    @Test
    void everyOperationHasARow() {
        assertEquals(EnumSet.allOf(Operation.class), TABLE.keySet(), "add the new operation's row to the table");
    }

    @Test
    void cityCallersFollowTheTable() {
        List<String> wrong = new ArrayList<>();
        for (var row : TABLE.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                Caller caller = cell.getKey().at("370500");
                Map<String, Target> targets = new LinkedHashMap<>();
                targets.put("own", new Target("370500", "CZJ", false));
                targets.put("own+published", new Target("370500", "CZJ", true));
                targets.put("county", new Target("370522", "CZJ", false));
                targets.put("county+published", new Target("370522", "CZJ", true));
                int i = 0;
                for (var t : targets.entrySet()) {
                    boolean expected = cell.getValue().charAt(i++) == '1';
                    if (ACCESS.may(caller, row.getKey(), t.getValue()) != expected) {
                        wrong.add(row.getKey() + " " + cell.getKey() + " " + t.getKey() + ": expected " + expected);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void nobodyReachesAcrossOrUpwards() {
        // a county's callers and records: the city's and the sibling county's are outside, whatever the role or state
        for (Operation op : Operation.values()) {
            for (Who who : Who.values()) {
                Caller county = who == Who.OFFICE ? new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null)
                        : who.at("370522");
                for (String outside : List.of("370500", "370523")) {
                    for (boolean published : new boolean[] {false, true}) {
                        assertFalse(ACCESS.may(county, op, new Target(outside, "CZJ", published)),
                                op + " " + who + " → " + outside + (published ? " published" : ""));
                    }
                }
            }
        }
    }

    /** Records addressed to department SJJ (audit) of the city: only that department of the city reaches them. */
    @Test
    void aDepartmentReachesOnlyWhatIsAddressedToIt() {
        Caller audit = Who.DEPARTMENT.at("370500");
        Caller countyAudit = Who.DEPARTMENT.at("370522");
        Caller finance = new Caller("finance", Set.of(Role.DEPARTMENT), "370500", null, "CZJ");
        Target toAudit = Target.department("370500", "SJJ");
        for (Operation op : List.of(Operation.READ_COOPERATION, Operation.ANSWER_REFERRAL, Operation.READ_TASKS,
                Operation.REPORT_TASK_PROGRESS)) {
            assertTrue(ACCESS.may(audit, op, toAudit), op.name());
            assertFalse(ACCESS.may(finance, op, toAudit), "another department: " + op);
            assertFalse(ACCESS.may(countyAudit, op, toAudit), "a county's department: " + op);
            assertFalse(ACCESS.may(audit, op, Target.department("370522", "SJJ")), "a county's record: " + op);
        }
        assertFalse(ACCESS.may(audit, Operation.READ_DOCUMENTS, toAudit), "an unissued document");
        assertTrue(ACCESS.may(audit, Operation.READ_DOCUMENTS, toAudit.published(true)));
        assertEquals("SJJ", toAudit.published(true).departmentCode(), "publishing keeps the addressee");
        for (Operation op : Operation.values()) {
            if (!Set.of(Operation.READ_COOPERATION, Operation.ANSWER_REFERRAL, Operation.READ_TASKS,
                    Operation.REPORT_TASK_PROGRESS, Operation.READ_DOCUMENTS, Operation.READ_MEETINGS).contains(op)) {
                assertFalse(ACCESS.may(audit, op, toAudit.published(true)), "a department never " + op);
            }
        }
        Caller departmentAdmin = new Caller("dept-admin", EnumSet.of(Role.DEPARTMENT, Role.CITY_ADMIN), "370500", null, "SJJ");
        assertFalse(ACCESS.may(departmentAdmin, Operation.MANAGE_CAMPAIGN, "370500"), "a department account is never an office");
    }

    @Test
    void aCountyOfficeRunsItsOwnAndItsZones() {
        Caller lijin = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
        assertTrue(ACCESS.may(lijin, Operation.MANAGE_CAMPAIGN, "370522"));
        assertTrue(ACCESS.may(lijin, Operation.ADMINISTER_REGISTRY, "370522L"));
        assertFalse(ACCESS.may(lijin, Operation.MANAGE_CAMPAIGN, "370522L"), "each office runs only its own campaigns");
        assertTrue(ACCESS.may(lijin, Operation.READ_RESULTS, Target.of("370522L").published(true)));
        assertFalse(ACCESS.may(lijin, Operation.READ_INPUTS, Target.of("370522L")));
    }

    @Test
    void theCallerWithoutJurisdictionSeesNothingButThePlatformSeesAll() {
        Caller unbound = new Caller("nobody", Set.of(Role.CITY_ADMIN), null, null);
        Caller platform = Caller.system("boot");
        for (Operation op : Operation.values()) {
            assertFalse(ACCESS.may(unbound, op, "370500"), op.name());
            assertTrue(ACCESS.may(platform, op, "370523"), op.name());
        }
    }

    @Test
    void aUnitUserWithTheAdminRoleIsStillAUnit() {
        // a unit-bound account is never an office, whatever roles it is given
        Caller mixed = new Caller("czj-admin", EnumSet.of(Role.UNIT_USER, Role.COUNTY_ADMIN), "370500", "CZJ");
        assertFalse(ACCESS.may(mixed, Operation.MANAGE_CAMPAIGN, "370500"));
        assertFalse(ACCESS.may(mixed, Operation.ADMINISTER_REGISTRY, "370500"));
        assertTrue(ACCESS.may(mixed, Operation.WRITE_SELF_REPORT, Target.unit("370500", "CZJ")));
    }

    @Test
    void refusalsAreUniformAndUnknownJurisdictionsAreNotFound() {
        Caller lijin = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
        SupervisionException denied = assertThrows(SupervisionException.class,
                () -> ACCESS.require(lijin, Operation.READ_INPUTS, Target.unit("370523", "GRJ")));
        assertEquals(ProblemKind.FORBIDDEN, denied.kind());
        assertEquals("当前用户无权查看监管输入和佐证材料（行政区划 370523，单位 GRJ）", denied.getMessage());
        assertEquals(ProblemKind.NOT_FOUND, assertThrows(SupervisionException.class,
                () -> ACCESS.require(lijin, Operation.READ_REGISTRY, "999999")).kind());
        List<String> kept = ACCESS.filter(lijin, Operation.READ_REGISTRY, List.of("370500", "370522", "370522L", "370523"), Target::of);
        assertEquals(List.of("370522", "370522L"), kept);
    }
}
