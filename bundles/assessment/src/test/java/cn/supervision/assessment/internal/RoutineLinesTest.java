package cn.supervision.assessment.internal;

import static cn.supervision.assessment.internal.FakeCampaigns.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.supervision.api.assessment.Mapping;
import cn.supervision.api.assessment.MappingMethod;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.assessment.internal.CampaignResults.Published;
import cn.supervision.assessment.internal.RoutineLines.Line;

/** Which routine campaign a unit's line comes from when several of the year are published. */
class RoutineLinesTest {
    private final FakeCampaigns campaigns = new FakeCampaigns(null);

    private Published published(long id, CampaignKind kind, String at, UnitResult... results) {
        return new Published(campaigns.add(id, "370500", kind, "活动 " + id, 2026, CampaignState.PUBLISHED),
                new ResultRevision(id, 1, "发布", "seed", Instant.parse(at), List.of(results)), Instant.parse(at));
    }

    private static Mapping pinned(Long routineCampaignId) {
        return new Mapping("370500", 2026, 1, MappingMethod.LINEAR, new BigDecimal("10"), null, 2, RoundingMode.HALF_UP, Map.of(),
                routineCampaignId, List.of(), null, "city-admin", Instant.EPOCH);
    }

    @Test
    void aUnitsLineComesFromTheLatestPublishedRoutineCampaignThatScoredIt() {
        Published autumn = published(5, CampaignKind.ROUTINE, "2026-11-01T00:00:00Z", result(11, "东营市财政局", "80.00", "良好"),
                result(12, "东营市发展和改革委员会", "70.00", "一般"));
        Published special = published(6, CampaignKind.SPECIAL, "2026-12-01T00:00:00Z", result(11, "东营市财政局", "10.00", "较差"));
        Published winter = published(4, CampaignKind.ROUTINE, "2026-11-20T00:00:00Z", result(11, "东营市财政局", "90.00", "优秀"));
        List<Published> routine = RoutineLines.campaigns(pinned(null), List.of(autumn, special, winter));
        assertEquals(List.of(autumn, winter), routine, "every published routine campaign, the special one left out");
        Map<Long, Line> lines = RoutineLines.lines(pinned(null), routine);
        assertEquals(4L, lines.get(11L).campaign().campaign().id(), "the later publication wins, whatever the order listed");
        assertEquals(new BigDecimal("9.00"), lines.get(11L).points());
        assertEquals(5L, lines.get(12L).campaign().campaign().id(), "a unit only the earlier one scored keeps that line");
        assertEquals(List.of(11L, 12L), List.copyOf(lines.keySet()));
    }

    @Test
    void publishedAtTheSameInstantTheHigherCampaignIdWins() {
        Published a = published(7, CampaignKind.ROUTINE, "2026-11-01T00:00:00Z", result(11, "东营市财政局", "80.00", "良好"));
        Published b = published(8, CampaignKind.ROUTINE, "2026-11-01T00:00:00Z", result(11, "东营市财政局", "60.00", "一般"));
        assertEquals(8L, RoutineLines.lines(pinned(null), List.of(a, b)).get(11L).campaign().campaign().id());
        assertEquals(8L, RoutineLines.lines(pinned(null), List.of(b, a)).get(11L).campaign().campaign().id());
    }

    @Test
    void aPinnedCampaignIsTheOnlyOneAndMustBePublished() {
        Published autumn = published(5, CampaignKind.ROUTINE, "2026-11-01T00:00:00Z", result(11, "东营市财政局", "80.00", "良好"));
        Published winter = published(4, CampaignKind.ROUTINE, "2026-11-20T00:00:00Z", result(11, "东营市财政局", "90.00", "优秀"));
        assertEquals(List.of(autumn), RoutineLines.campaigns(pinned(5L), List.of(autumn, winter)));
        SupervisionException e = assertThrows(SupervisionException.class, () -> RoutineLines.campaigns(pinned(9L), List.of(autumn, winter)));
        assertEquals(ProblemKind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("折算规则指定的常规监管活动 9 尚未发布"), e.getMessage());
    }
}
