package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignKind;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.Period;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.testing.fakes.FakeCampaignService;

class CampaignCommandsTest extends CommandTestBase {
    static Campaign campaign(long id, String jurisdiction, String title, CampaignState state, List<Long> targets) {
        return new Campaign(id, jurisdiction, CampaignKind.ROUTINE, title, "", new Period(Period.PeriodType.YEAR, 2026, null), Map.of(),
                Set.of(), null, null, targets, List.of(), state, null, Instant.EPOCH, "t", Instant.EPOCH, "t", null);
    }

    private final List<String> transitions = new ArrayList<>();

    private FakeCampaignService campaigns(SupervisionException refusal) {
        return new FakeCampaignService() {
            @Override
            public List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state) {
                assertNull(state);
                return List.of(campaign(12, "370500", "2026年度机构编制执行情况评估", CampaignState.COLLECTING, null),
                        campaign(13, "370522", "利津县专项检查", CampaignState.DRAFT, List.of(21L, 22L)));
            }

            @Override
            public Campaign transition(Caller caller, long id, CampaignState to, String reason) {
                transitions.add(caller.username() + " " + id + " " + to + " " + reason);
                if (refusal != null) {
                    throw refusal;
                }
                return campaign(id, "370500", "2026年度机构编制执行情况评估", to, null);
            }

            @Override
            public List<UnitResult> results(Caller caller, long campaignId, BigDecimal gapThreshold) {
                return List.of(new UnitResult(7, "东营市市场监督管理局", "GOVERNMENT_DEPARTMENT", 3, new BigDecimal("92.89"), "优秀",
                        new BigDecimal("92.89"), new BigDecimal("88.10"), new BigDecimal("4.79"), true, 1, 1, 2, List.of(), null));
            }
        };
    }

    @Test
    void campaignsAreListedWithTheirTargets() throws Exception {
        CampaignListCommand c = new CampaignListCommand();
        c.campaigns = campaigns(null);
        run(c);
        assertEquals(List.of("12", "370500", "常规监管", "2026年度机构编制执行情况评估", "2026年", "COLLECTING", "全部"), row("执行情况评估"));
        assertEquals(List.of("13", "370522", "常规监管", "利津县专项检查", "2026年", "DRAFT", "2"), row("利津县专项检查"));
    }

    @Test
    void resultsShowRankViewsAndTheCheckFlag() throws Exception {
        CampaignScoreCommand c = new CampaignScoreCommand();
        c.id = 12;
        c.campaigns = campaigns(null);
        run(c);
        assertEquals(List.of("1", "东营市市场监督管理局", "92.89", "优秀", "92.89", "88.10", "需核查", "2"), row("东营市市场监督管理局"));
    }

    @Test
    void publishingNamesTheCampaignAndARefusedPublicationIsAuditedAsAConflict() throws Exception {
        CampaignPublishCommand c = new CampaignPublishCommand();
        c.id = 12;
        c.reason = "市编委会 2026 第3次会议";
        c.campaigns = campaigns(null);
        assertEquals("已发布：2026年度机构编制执行情况评估" + System.lineSeparator(), run(c));
        assertEquals(List.of("shell:karaf 12 PUBLISHED 市编委会 2026 第3次会议"), transitions);
        assertNull(session.get(ShellAudit.REFUSAL_STATUS));

        SupervisionException refusal = SupervisionException.conflict("监管活动 12 处于采集阶段，不能发布");
        c.campaigns = campaigns(refusal);
        assertRefused(c, refusal, "状态冲突：监管活动 12 处于采集阶段，不能发布", 409);
    }
}
