package cn.supervision.warning.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignState;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.security.Caller;
import cn.supervision.warning.internal.WarningConfig;

/**
 * One jurisdiction's data as the rules need it, loaded once per evaluation and shared: the units, the campaigns (one
 * listing), and the latest result revision of the campaigns the rules look at. The rules over published results look
 * only at the newest published campaign of each lineage of rolled campaigns (and its predecessor, for the falling
 * score): five years of history cost one revision read per lineage, not one per campaign or unit.
 */
public final class Facts {
    private final Sources sources;
    private final Caller system;
    private final String jurisdictionCode;
    private final LocalDate today;
    private final WarningConfig config;
    private final List<String> notes = new ArrayList<>();
    private Map<Long, Unit> units;
    private Map<Long, Campaign> campaigns;
    private final Map<Long, ResultRevision> revisions = new HashMap<>();

    public Facts(Sources sources, Caller system, String jurisdictionCode, LocalDate today, WarningConfig config) {
        this.sources = sources;
        this.system = system;
        this.jurisdictionCode = jurisdictionCode;
        this.today = today;
        this.config = config;
    }

    public Sources sources() { return sources; }
    public Caller system() { return system; }
    public String jurisdictionCode() { return jurisdictionCode; }
    public LocalDate today() { return today; }
    public WarningConfig config() { return config; }

    /** What a rule could not look at (a service absent, a metric undefined), for the pass result. */
    public List<String> notes() { return notes; }

    public void note(String note) { notes.add(note); }

    /** Active units of the jurisdiction by id. */
    public Map<Long, Unit> units() {
        if (units == null) {
            units = new LinkedHashMap<>();
            sources.registry().listUnits(system, jurisdictionCode, false).forEach(u -> units.put(u.id(), u));
        }
        return units;
    }

    /** Every campaign of the jurisdiction by id (one listing). */
    public Map<Long, Campaign> campaigns() {
        if (campaigns == null) {
            campaigns = new LinkedHashMap<>();
            sources.campaigns().list(system, jurisdictionCode, null).stream()
                    .filter(c -> c.jurisdictionCode().equals(jurisdictionCode)).forEach(c -> campaigns.put(c.id(), c));
        }
        return campaigns;
    }

    public List<Campaign> inState(CampaignState... states) {
        Set<CampaignState> wanted = Set.of(states);
        return campaigns().values().stream().filter(c -> wanted.contains(c.state())).toList();
    }

    /** Published campaigns with no published successor in their lineage (rolledFrom chain). */
    public List<Campaign> latestPublished() {
        Set<Long> superseded = new HashSet<>();
        for (Campaign c : inState(CampaignState.PUBLISHED)) {
            for (Campaign p = predecessor(c); p != null; p = predecessor(p)) {
                superseded.add(p.id());
            }
        }
        return inState(CampaignState.PUBLISHED).stream().filter(c -> !superseded.contains(c.id())).toList();
    }

    /** The nearest published campaign this one was rolled from (directly or through unpublished drafts), or null. */
    public Campaign predecessor(Campaign c) {
        Set<Long> seen = new HashSet<>();
        for (Long from = c.rolledFrom(); from != null && seen.add(from); ) {
            Campaign p = campaigns().get(from);
            if (p == null) {
                return null;
            }
            if (p.state() == CampaignState.PUBLISHED) {
                return p;
            }
            from = p.rolledFrom();
        }
        return null;
    }

    /** The latest stored revision of a published campaign's results (corrections included). */
    public ResultRevision latestRevision(long campaignId) {
        return revisions.computeIfAbsent(campaignId, id -> {
            List<ResultRevision> all = sources.campaigns().revisions(system, id);
            return all.isEmpty() ? null : all.get(all.size() - 1);
        });
    }
}
