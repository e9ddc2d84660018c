package cn.supervision.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.support.completers.ArgumentCommandLine;
import org.junit.jupiter.api.Test;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionState;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.platform.FeedDefinition;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.shell.IdCompleter.Choice;
import cn.supervision.testing.FakeRegistry;
import cn.supervision.testing.fakes.FakeCampaignService;
import cn.supervision.testing.fakes.FakeContributionService;
import cn.supervision.testing.fakes.FakeIndicatorSystemService;
import cn.supervision.testing.fakes.FakePlatformDataService;
import cn.supervision.testing.fakes.FakeRegistryService;
import cn.supervision.testing.fakes.FakeScheduler;

class CompletersTest {
    static final Caller CITY = new Caller("dy-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lj-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller GUANGRAO = new Caller("gr-admin", Set.of(Role.COUNTY_ADMIN), "370523", null);

    private static List<String> values(List<Choice> choices) {
        return choices.stream().map(Choice::value).toList();
    }

    private static JurisdictionCompleter jurisdictions() {
        JurisdictionCompleter c = new JurisdictionCompleter();
        c.registry = RegistryCommandsTest.DONGYING;
        return c;
    }

    private static UnitCompleter units(cn.supervision.api.registry.RegistryService registry) {
        UnitCompleter c = new UnitCompleter();
        c.registry = registry;
        return c;
    }

    @Test
    void aCountyOperatorIsOfferedOnlyItsOwnJurisdictionAndTheCityAllOfThem() {
        assertEquals(List.of("370522"), values(jurisdictions().offered(LIJIN, "")));
        assertEquals(List.of("370523"), values(jurisdictions().offered(GUANGRAO, "3705")));
        assertEquals(List.of("370500", "370522", "370523"), values(jurisdictions().offered(CITY, "")));
        assertEquals(List.of(new Choice("370522", "利津县"), new Choice("370523", "广饶县")), jurisdictions().offered(CITY, "37052"));
        assertEquals(List.of(), jurisdictions().offered(CITY, "4"));
    }

    @Test
    void aCountyOperatorIsOfferedOnlyTheUnitsItMayRead() {
        UnitCompleter c = units(RegistryCommandsTest.DONGYING);
        assertEquals(List.of(new Choice("21", "利津县市场监督管理局")), c.offered(LIJIN, ""));
        assertEquals(List.of(new Choice("31", "广饶县市场监督管理局")), c.offered(GUANGRAO, ""));
        assertEquals(List.of("7", "8", "21", "31"), values(c.offered(CITY, "")));
        assertEquals(List.of("21"), values(c.offered(CITY, "2")));
    }

    @Test
    void theShellSessionCompletesAsTheShellCallerWithNamesBeside() {
        ConsoleSession session = new ConsoleSession("karaf");
        List<Candidate> candidates = new ArrayList<>();
        jurisdictions().completeCandidates(session, new ArgumentCommandLine("3705", 4), candidates);
        assertEquals(List.of("370500", "370522", "370523"), candidates.stream().map(Candidate::value).toList());
        assertEquals(List.of("东营市", "利津县", "广饶县"), candidates.stream().map(Candidate::descr).toList());
        assertTrue(candidates.stream().allMatch(Candidate::complete));

        List<String> strings = new ArrayList<>();
        assertEquals(0, units(RegistryCommandsTest.DONGYING).complete(session, new ArgumentCommandLine("3", 1), strings));
        assertEquals(List.of("31"), strings);
        assertEquals(-1, units(RegistryCommandsTest.DONGYING).complete(session, new ArgumentCommandLine("9", 1), new ArrayList<>()));
    }

    @Test
    void aJurisdictionWhoseUnitsAreRefusedIsSkippedAndTheOfferIsBounded() {
        List<String> listed = new ArrayList<>();
        UnitCompleter c = units(new FakeRegistryService() {
            @Override
            public List<Jurisdiction> listJurisdictions(Caller caller) {
                return FakeRegistry.DONGYING;
            }

            @Override
            public List<Unit> listUnits(Caller caller, String jurisdictionCode, boolean includeInactive) {
                listed.add(jurisdictionCode);
                if (jurisdictionCode.equals("370500")) {
                    throw SupervisionException.forbidden("无权查看 370500 的单位");
                }
                long base = jurisdictionCode.equals("370522") ? 1000 : 5000;
                return LongStream.range(base, base + 150).mapToObj(i -> RegistryCommandsTest.unit(i, "U" + i, "单位" + i, jurisdictionCode)).toList();
            }
        });
        List<Choice> offered = c.offered(Caller.system("t"), "");
        assertEquals(IdCompleter.LIMIT, offered.size());
        assertEquals(new Choice("1000", "单位1000"), offered.get(0));
        assertEquals(new Choice("5049", "单位5049"), offered.get(IdCompleter.LIMIT - 1));
        assertEquals(List.of("370500", "370522", "370523"), listed);
        listed.clear();
        assertEquals(List.of("5000"), values(c.offered(Caller.system("t"), "5000")));
    }

    @Test
    void aRefusalOrAFaultOffersNothing() {
        CampaignCompleter refused = new CampaignCompleter();
        refused.campaigns = new FakeCampaignService() {
            @Override
            public List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state) {
                throw SupervisionException.forbidden("无权查看监管活动");
            }
        };
        assertEquals(List.of(), refused.offered(LIJIN, ""));
        CampaignCompleter failing = new CampaignCompleter();
        failing.campaigns = new FakeCampaignService(); // every method throws UnsupportedOperationException
        List<Candidate> candidates = new ArrayList<>();
        failing.completeCandidates(new ConsoleSession("karaf"), new ArgumentCommandLine("", 0), candidates);
        assertEquals(List.of(), candidates);
    }

    @Test
    void campaignsAreOfferedAsTheServiceScopesThemForTheCaller() {
        CampaignCompleter c = new CampaignCompleter();
        c.campaigns = new FakeCampaignService() {
            @Override
            public List<Campaign> list(Caller caller, String jurisdictionCode, CampaignState state) {
                List<Campaign> all = List.of(CampaignCommandsTest.campaign(12, "370500", "2026年度评估", CampaignState.COLLECTING, null),
                        CampaignCommandsTest.campaign(13, "370522", "利津县专项检查", CampaignState.DRAFT, null),
                        CampaignCommandsTest.campaign(14, "370523", "广饶县专项检查", CampaignState.DRAFT, null));
                return all.stream().filter(x -> caller.jurisdictionCode() == null || x.jurisdictionCode().equals(caller.jurisdictionCode())).toList();
            }
        };
        assertEquals(List.of(new Choice("13", "利津县专项检查")), c.offered(LIJIN, ""));
        assertEquals(List.of("12", "13", "14"), values(c.offered(Caller.system("t"), "1")));
    }

    @Test
    void systemsContributionsFeedsAndPassesAreOfferedWithWhatTheyAre() {
        IndicatorSystemCompleter systems = new IndicatorSystemCompleter();
        systems.systems = new FakeIndicatorSystemService() {
            @Override
            public List<IndicatorSystem> list(Caller caller, String jurisdictionCode, SystemStatus status) {
                return List.of(IndicatorCommandsTest.system(3, "370500", "东营市职责履行指标体系", SystemStatus.PUBLISHED));
            }
        };
        assertEquals(List.of(new Choice("3", "东营市职责履行指标体系（2026，v2）")), systems.offered(CITY, ""));

        ContributionCompleter contributions = new ContributionCompleter();
        contributions.contributions = new FakeContributionService() {
            @Override
            public List<Contribution> list(Caller caller) {
                return List.of(ContributionCommandsTest.contribution(4, ContributionState.ACTIVE, List.of()));
            }
        };
        assertEquals(List.of(new Choice("4", "cn.lijin.indicators 1.2.0")), contributions.offered(CITY, ""));

        FeedCompleter feeds = new FeedCompleter();
        feeds.data = new FakePlatformDataService() {
            @Override
            public List<FeedDefinition> feeds(Caller caller) {
                return List.of(new FeedDefinition("hotline", "http", "370500", "12345", "https://x", "csv", List.of(1), "02:00", 30, 3, 60),
                        new FeedDefinition("tax", "http", "370500", "tax", "https://y", "json", List.of(1), "03:00", 30, 3, 60));
            }
        };
        assertEquals(List.of(new Choice("hotline", "370500 12345")), feeds.offered(CITY, "h"));

        PassCompleter passes = new PassCompleter();
        passes.scheduler = new FakeScheduler() {
            @Override
            public List<PassResult> history(Caller caller, int limit) {
                assertEquals(PassCompleter.RUNS_READ, limit);
                return List.of(new PassResult("deadlines", Instant.EPOCH, 0, 0, 0, List.of(), null),
                        new PassResult("warnings", Instant.EPOCH, 0, 0, 0, List.of(), null),
                        new PassResult("deadlines", Instant.EPOCH, 0, 0, 0, List.of(), null));
            }
        };
        assertEquals(List.of("deadlines", "warnings"), values(passes.offered(Caller.system("t"), "")));
    }
}
