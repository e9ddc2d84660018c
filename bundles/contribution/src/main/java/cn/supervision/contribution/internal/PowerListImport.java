package cn.supervision.contribution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;

/**
 * Imports each power list of a bundle as its unit's current one, after the bundle's units; the service's refusal
 * becomes the bundle's reasons, each naming the file and the row. A restart (same content) imports nothing, so no list
 * is superseded by itself.
 */
final class PowerListImport {
    private PowerListImport() {
    }

    /** The reasons the first refused list gives; empty when every list was imported. */
    static List<String> apply(RegistryService registry, String symbolicName, String declared, BundleContent content,
                              Caller system, PowerListService service) {
        if (content.powerLists().isEmpty()) {
            return List.of();
        }
        Map<String, Long> ids = new HashMap<>();
        registry.listUnits(system, declared, true).forEach(u -> ids.put(u.code(), u.id()));
        for (BundleContent.PowerListFile f : content.powerLists()) {
            Long unitId = ids.get(f.unitCode());
            if (unitId == null) {
                return List.of(f.path() + "：行政区划 " + declared + " 没有编码为 " + f.unitCode() + " 的单位");
            }
            try {
                service.importList(system, unitId, symbolicName + "/" + f.path(), PowerListCheck.drafts(f));
            } catch (SupervisionException e) {
                if (e.kind() != ProblemKind.INVALID) {
                    throw e;
                }
                List<String> failed = new ArrayList<>();
                for (FieldError x : e.errors()) {
                    failed.add(f.path() + " " + x.field() + "：" + x.message());
                }
                if (failed.isEmpty()) {
                    failed.add(f.path() + "：" + e.getMessage());
                }
                return failed;
            }
        }
        return List.of();
    }
}
