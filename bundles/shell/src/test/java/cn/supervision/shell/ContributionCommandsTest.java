package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionEventType;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.contribution.ContributionState;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakeContributionService;

class ContributionCommandsTest extends CommandTestBase {
    static Contribution contribution(long id, ContributionState state, List<String> reasons) {
        return new Contribution(id, "cn.lijin.indicators", "1.2.0", "370522", state, "abcdef0123456789abcdef", null, "DEPLOY", "karaf",
                Instant.parse("2026-11-30T08:00:00Z"), Instant.parse("2026-11-30T08:00:00Z"), 0, 2, reasons);
    }

    private static ContributionService contributions() {
        return new FakeContributionService() {
            @Override
            public List<Contribution> list(Caller caller) {
                return List.of(contribution(4, ContributionState.ACTIVE, List.of()));
            }

            @Override
            public Contribution get(Caller caller, long id) {
                if (id != 5) {
                    throw SupervisionException.notFound("贡献包 " + id + " 不存在");
                }
                return contribution(5, ContributionState.REJECTED, List.of("指标体系 A 的权重之和为 90", "缺少 Supervision-Jurisdiction"));
            }

            @Override
            public List<ContributionEvent> events(Caller caller, long id) {
                return List.of(new ContributionEvent(1, Instant.parse("2026-11-30T08:00:00Z"), ContributionEventType.REFUSED,
                        "cn.lijin.indicators", "1.2.0", id, "DEPLOY", "karaf", "370522", "0123456789abcdef", null, List.of("权重之和为 90")));
            }
        };
    }

    @Test
    void bundlesAreListedWithAShortContentHash() throws Exception {
        ContributionListCommand c = new ContributionListCommand();
        c.contributions = contributions();
        run(c);
        assertEquals(List.of("4", "cn.lijin.indicators", "1.2.0", "370522", "ACTIVE", "0", "2", "DEPLOY", "abcdef012345"),
                row("cn.lijin.indicators"));
    }

    @Test
    void aRejectedBundleShowsEveryReasonAndItsHistory() throws Exception {
        ContributionInfoCommand c = new ContributionInfoCommand();
        c.id = 5;
        c.contributions = contributions();
        String out = run(c);
        assertTrue(out.startsWith("cn.lijin.indicators 1.2.0 → 370522  [REJECTED]"), out);
        assertTrue(out.contains("  ✗ 指标体系 A 的权重之和为 90") && out.contains("  ✗ 缺少 Supervision-Jurisdiction"), out);
        assertTrue(out.contains("REFUSED  1.2.0 → 370522  via DEPLOY by karaf  jar 0123456789ab…"), out);
        assertTrue(out.contains("        权重之和为 90"), out);
    }

    @Test
    void anUnknownBundleIsNotFound() throws Exception {
        ContributionInfoCommand c = new ContributionInfoCommand();
        c.id = 6;
        c.contributions = contributions();
        assertRefused(c, SupervisionException.notFound("x"), "未找到：贡献包 6 不存在", 404);
    }
}
