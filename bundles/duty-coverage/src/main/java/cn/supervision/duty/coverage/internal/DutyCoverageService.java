package cn.supervision.duty.coverage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.DutyLeaf;
import cn.supervision.api.duty.CoverageService;
import cn.supervision.api.duty.DutyCoverage;
import cn.supervision.api.duty.StaleDuty;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.DutyDirectory;
import cn.supervision.api.registry.DutyRecord;
import cn.supervision.api.registry.DutyStatus;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;

/**
 * Coverage of the main duties (art. 13), computed on every call from the duty directory and the duty leaves the
 * campaigns froze: nothing is stored, so a correction of published results or a mandate revision shows at once.
 * Reads go through the other services with the caller, so their refusals (a county's unpublished campaign for the
 * city, another unit for a unit user) apply here unchanged; this service adds only READ_DUTY_ANALYSIS.
 */
public final class DutyCoverageService implements CoverageService {
    /** A window longer than this is a typo, not a question (the platform keeps no records that old). */
    static final int MAX_YEARS = 30;

    private final RegistryService registry;
    private final DutyDirectory directory;
    private final CampaignService campaigns;
    private final IndicatorSystemService systems;

    public DutyCoverageService(RegistryService registry, DutyDirectory directory, CampaignService campaigns,
                               IndicatorSystemService systems) {
        this.registry = registry;
        this.directory = directory;
        this.campaigns = campaigns;
        this.systems = systems;
    }

    @Override
    public DutyCoverage ofCampaign(Caller caller, long campaignId) {
        Campaign c = campaigns.get(caller, campaignId);
        String j = c.jurisdictionCode();
        registry.access().require(caller, Operation.READ_DUTY_ANALYSIS, j);
        List<DutyLeaf> leaves = campaigns.dutyLeaves(caller, campaignId, null);
        Map<Long, Unit> units = byId(registry.listUnits(caller, j, true));
        Map<Long, List<DutyRecord>> held = activeByUnit(directory.dutiesOf(caller, j, false));

        // the target units, then any unit a leaf names that the plan did not list (targets are fixed at collection start)
        Set<Long> targets = new LinkedHashSet<>(c.targetUnitIds() == null ? List.of() : c.targetUnitIds());
        Map<Long, Map<Long, DutyRow>> rows = new HashMap<>();
        for (DutyLeaf l : leaves) {
            targets.add(l.unitId());
            // the wording frozen at campaign start, for a duty since reworded or retired
            rows.computeIfAbsent(l.unitId(), k -> new LinkedHashMap<>()).putIfAbsent(l.dutyId(), DutyRow.of(l));
        }
        List<CoverageAssembler.UnitDuties> lines = new ArrayList<>(targets.size());
        for (Long unitId : targets) {
            Unit unit = units.computeIfAbsent(unitId, id -> registry.getUnit(caller, id));
            Map<Long, DutyRow> unitRows = rows.computeIfAbsent(unitId, k -> new LinkedHashMap<>());
            // duties the unit holds that the campaign has no leaf of (a system without a duty-driven part, a type the
            // part does not cover, a duty added since) are shown, unassessed
            for (DutyRecord d : held.getOrDefault(unitId, List.of())) {
                unitRows.putIfAbsent(d.id(), DutyRow.of(d));
            }
            lines.add(new CoverageAssembler.UnitDuties(unit, new ArrayList<>(unitRows.values())));
        }
        Assessments assessments = new Assessments(List.of(new CampaignLeaves(c, leaves)), units,
                new IndicatorNames(systems, caller));
        return CoverageAssembler.assemble(j, c.id(), null, lines, assessments);
    }

    @Override
    public DutyCoverage ofYear(Caller caller, String jurisdictionCode, int year) {
        requireJurisdiction(caller, jurisdictionCode);
        List<Unit> units = activeUnits(caller, jurisdictionCode);
        Map<Long, List<DutyRecord>> held = activeByUnit(directory.dutiesOf(caller, jurisdictionCode, false));
        List<Campaign> ofYear = campaignsOf(caller, jurisdictionCode).stream()
                .filter(c -> c.period() != null && c.period().year() == year).toList();
        List<CampaignLeaves> read = CampaignLeaves.readable(campaigns, caller, ofYear);

        List<CoverageAssembler.UnitDuties> lines = new ArrayList<>(units.size());
        for (Unit u : units) {
            lines.add(new CoverageAssembler.UnitDuties(u, held.getOrDefault(u.id(), List.of()).stream().map(DutyRow::of).toList()));
        }
        return CoverageAssembler.assemble(jurisdictionCode, null, year, lines,
                new Assessments(read, byId(units), new IndicatorNames(systems, caller)));
    }

    @Override
    public List<StaleDuty> notAssessed(Caller caller, String jurisdictionCode, int years, int untilYear) {
        if (years < 1 || years > MAX_YEARS) {
            throw SupervisionException.invalid("years", "年数应在 1 到 " + MAX_YEARS + " 之间");
        }
        requireJurisdiction(caller, jurisdictionCode);
        List<Unit> units = activeUnits(caller, jurisdictionCode);
        Map<Long, List<DutyRecord>> held = activeByUnit(directory.dutiesOf(caller, jurisdictionCode, false));
        List<DutyRecord> duties = new ArrayList<>();
        units.forEach(u -> duties.addAll(held.getOrDefault(u.id(), List.of())));
        // every campaign up to the window's end: the older ones tell the last year a stale duty was assessed
        List<Campaign> upTo = campaignsOf(caller, jurisdictionCode).stream()
                .filter(c -> c.period() != null && c.period().year() <= untilYear).toList();
        return StaleDuties.find(duties, CampaignLeaves.readable(campaigns, caller, upTo), years, untilYear);
    }

    private void requireJurisdiction(Caller caller, String jurisdictionCode) {
        if (jurisdictionCode == null || jurisdictionCode.isBlank()) {
            throw SupervisionException.invalid("jurisdiction", "必须指定行政区划");
        }
        registry.access().require(caller, Operation.READ_DUTY_ANALYSIS, jurisdictionCode);
    }

    /** The jurisdiction's own campaigns (a superior's listing also holds its subordinates'). */
    private List<Campaign> campaignsOf(Caller caller, String jurisdictionCode) {
        return campaigns.list(caller, jurisdictionCode, null).stream()
                .filter(c -> jurisdictionCode.equals(c.jurisdictionCode())).toList();
    }

    private List<Unit> activeUnits(Caller caller, String jurisdictionCode) {
        return registry.listUnits(caller, jurisdictionCode, false).stream()
                .filter(u -> u.status() == UnitStatus.ACTIVE && jurisdictionCode.equals(u.jurisdictionCode())).toList();
    }

    private static Map<Long, Unit> byId(List<Unit> units) {
        Map<Long, Unit> out = new HashMap<>(units.size() * 2);
        units.forEach(u -> out.put(u.id(), u));
        return out;
    }

    /** ACTIVE duties by unit, in number order. */
    private static Map<Long, List<DutyRecord>> activeByUnit(List<DutyRecord> duties) {
        Map<Long, List<DutyRecord>> out = new HashMap<>();
        for (DutyRecord d : duties) {
            if (d.status() == DutyStatus.ACTIVE) {
                out.computeIfAbsent(d.unitId(), k -> new ArrayList<>()).add(d);
            }
        }
        out.values().forEach(l -> l.sort(Comparator.comparingInt(DutyRecord::number)));
        return out;
    }
}
