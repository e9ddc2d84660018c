package cn.supervision.contribution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;

/**
 * What a contribution may speak for: its declared jurisdiction and the ones below it (registered, or described in its
 * jurisdiction.json), and which of those it would register. New jurisdictions are registered only with the city's
 * authority over contributions (or by the operator); a registered one must be described as it is registered.
 */
final class JurisdictionClaim {
    /** The declared jurisdiction and its children: what the bundle's units and systems may belong to. */
    final Set<String> scope = new HashSet<>();
    /** Described in jurisdiction.json and acceptable below the declared one; registered when the bundle is applied. */
    final List<Jurisdiction> toRegister = new ArrayList<>();
    private final Map<String, Jurisdiction> known = new HashMap<>();

    private JurisdictionClaim() {
    }

    /** Adds to {@code reasons} whatever the claim oversteps. */
    static JurisdictionClaim check(RegistryService registry, String cityJurisdiction, String declared, boolean city,
                                   BundleContent.JurisdictionFile jf, Caller installer, List<String> reasons) {
        JurisdictionClaim claim = new JurisdictionClaim();
        Set<String> scope = claim.scope;
        List<Jurisdiction> toRegister = claim.toRegister;
        Map<String, Jurisdiction> known = claim.known;
        scope.add(declared);
        registry.listJurisdictions(Caller.system("contributions")).forEach(j -> known.put(j.code(), j));
        if (jf != null && jf.jurisdiction() != null) {
            Jurisdiction self = jf.jurisdiction();
            if (!declared.equals(self.code())) {
                reasons.add("jurisdiction.json 描述的是 " + self.code() + "，与清单头声明的 " + declared + " 不一致");
            }
            toRegister.add(self);
            for (Jurisdiction child : jf.children()) {
                if (!declared.equals(child.parentCode())) {
                    reasons.add("jurisdiction.json：下级 " + child.code() + " 的上级必须是 " + declared);
                } else {
                    toRegister.add(child);
                    scope.add(child.code());
                }
            }
        }
        known.values().stream().filter(j -> declared.equals(j.parentCode())).forEach(j -> scope.add(j.code()));
        boolean installerIsCity = registry.access().may(installer, Operation.INSTALL_CONTRIBUTION, cityJurisdiction);
        for (Jurisdiction j : toRegister) {
            Jurisdiction existing = known.get(j.code());
            if (existing != null) {
                if (!existing.name().equals(j.name()) || !Objects.equals(existing.parentCode(), j.parentCode())) {
                    reasons.add("行政区划 " + j.code() + " 已登记为“" + existing.name() + "”，与贡献包中的描述不一致");
                }
            } else if (!installerIsCity) {
                reasons.add("行政区划 " + j.code() + " 尚未登记，只有市级管理员或运维人员安装的贡献包可以登记新的行政区划");
            } else if (!city && !j.localCode() && j.code().equals(declared)) {
                reasons.add("行政区划 " + j.code() + " 尚未登记：县区贡献包只能新登记本地编码的功能区");
            }
        }
        if (!known.containsKey(declared) && toRegister.stream().noneMatch(j -> j.code().equals(declared))) {
            reasons.add("行政区划 " + declared + " 尚未登记，贡献包也没有在 jurisdiction.json 中描述它");
        }
        return claim;
    }

    /** Registered before this bundle (one the bundle itself registers is not in the authority tree yet). */
    boolean registered(String code) {
        return known.containsKey(code);
    }
}
