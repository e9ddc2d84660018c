package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.warning.Warning;
import cn.supervision.api.warning.WarningLevel;
import cn.supervision.api.warning.WarningRule;
import cn.supervision.api.warning.WarningService;
import cn.supervision.api.warning.WarningState;
import cn.supervision.testing.fakes.FakeWarningService;

/** Findings, rectification and warnings share the follow-up commands' shape; the warning ledger is the one that spans jurisdictions. */
class FollowUpCommandsTest extends CommandTestBase {
    private final List<String> asked = new ArrayList<>();

    static Warning warning(long id, String jurisdiction, String unitName, WarningState state, Long findingId) {
        return new Warning(id, "YJ-2026-" + id, jurisdiction, 7, "SCJG", unitName, WarningLevel.RED, WarningRule.OVER_STAFFING, "超编",
                "实有人数超过核定编制", Map.of(), state, Instant.parse("2026-11-30T08:00:00Z"), Instant.EPOCH, "t", null, findingId);
    }

    private WarningService warnings() {
        return new FakeWarningService() {
            @Override
            public List<Warning> list(Caller caller, String jurisdictionCode, WarningLevel level, WarningState state, Long unitId) {
                asked.add(jurisdictionCode);
                return switch (jurisdictionCode) {
                    case "370500" -> List.of(warning(1, "370500", "东营市市场监督管理局", WarningState.DISPATCHED, null),
                            warning(2, "370500", "东营市教育局", WarningState.CONVERTED, 88L));
                    case "370522" -> List.of(warning(3, "370522", "利津县市场监督管理局", WarningState.TO_DISPATCH, null));
                    default -> throw SupervisionException.forbidden("无权查看 " + jurisdictionCode + " 的预警");
                };
            }
        };
    }

    @Test
    void theLedgerOfEveryJurisdictionTheOperatorSeesShowsOpenWarnings() throws Exception {
        WarningListCommand c = new WarningListCommand();
        c.warnings = warnings();
        c.registry = new cn.supervision.testing.FakeRegistry(cn.supervision.testing.FakeRegistry.DONGYING.subList(0, 2), List.of());
        run(c);
        assertEquals(List.of("370500", "370522"), asked);
        assertEquals(List.of("1", "YJ-2026-1", "RED", "OVER_STAFFING", "东营市市场监督管理局", "DISPATCHED", "2026-11-30T08:00:00Z", ""),
                row("YJ-2026-1"));
        assertTrue(printed().contains("YJ-2026-3"), printed());
        assertFalse(printed().contains("YJ-2026-2"), "a converted warning is not open");

        c.all = true;
        run(c);
        assertEquals("88", row("YJ-2026-2").get(7));
    }

    @Test
    void aJurisdictionOutOfReachIsRefused() throws Exception {
        WarningListCommand c = new WarningListCommand();
        c.code = "370523";
        c.warnings = warnings();
        assertRefused(c, SupervisionException.forbidden("x"), "无权访问：无权查看 370523 的预警", 403);
    }
}
