package cn.supervision.warning.internal.rules;

import java.util.function.Supplier;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.duty.CoverageService;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.registry.StaffingService;

/**
 * The services the rules read. Staffing, findings, rectification and duty coverage are other bundles' optional
 * services: while one is absent its rule reports that it could not run instead of failing the pass.
 */
public record Sources(RegistryService registry, CampaignService campaigns, PlatformDataService platformData,
                      Supplier<StaffingService> staffing, Supplier<FindingService> findings,
                      Supplier<RectificationService> rectifications, Supplier<CoverageService> coverage) {

    /** Without duty coverage (its rule notes that it did not run). */
    public Sources(RegistryService registry, CampaignService campaigns, PlatformDataService platformData,
                   Supplier<StaffingService> staffing, Supplier<FindingService> findings,
                   Supplier<RectificationService> rectifications) {
        this(registry, campaigns, platformData, staffing, findings, rectifications, () -> null);
    }
}
