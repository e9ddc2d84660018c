package cn.supervision.warning.internal.rules;

import java.util.function.Supplier;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.platform.PlatformDataService;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.rectification.RectificationService;
import cn.supervision.api.registry.StaffingService;

/**
 * The services the rules read. Staffing and findings are other bundles' optional services: while one is absent its
 * rule reports that it could not run instead of failing the pass.
 */
public record Sources(RegistryService registry, CampaignService campaigns, PlatformDataService platformData,
                      Supplier<StaffingService> staffing, Supplier<FindingService> findings,
                      Supplier<RectificationService> rectifications) {
}
