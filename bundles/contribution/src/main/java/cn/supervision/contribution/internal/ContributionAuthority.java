package cn.supervision.contribution.internal;

import java.util.Set;
import java.util.stream.Collectors;

import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Target;

/**
 * Who may do what with contributions, by the platform's {@link Access} policy: READ_CONTRIBUTIONS to read,
 * INSTALL_CONTRIBUTION to upload and uninstall, the city's INSTALL_CONTRIBUTION for code and for new jurisdictions.
 */
final class ContributionAuthority {
    private final RegistryService registry;
    private final String cityJurisdiction;

    ContributionAuthority(RegistryService registry, String cityJurisdiction) {
        this.registry = registry;
        this.cityJurisdiction = cityJurisdiction;
    }

    Access access() {
        return registry.access();
    }

    String cityJurisdiction() {
        return cityJurisdiction;
    }

    /** The city's authority over contributions: what code-carrying bundles and operator-installed ones need. */
    boolean city(Caller caller) {
        return access().may(caller, Operation.INSTALL_CONTRIBUTION, cityJurisdiction);
    }

    /** @see ContributionService#checkUploader */
    void checkUploader(Caller caller, String jurisdictionCode) {
        if (jurisdictionCode == null) {
            String home = caller.jurisdictionCode();
            if (!caller.isSystem() && (home == null || !access().may(caller, Operation.INSTALL_CONTRIBUTION, home))) {
                throw SupervisionException.forbidden("当前用户无权" + Operation.INSTALL_CONTRIBUTION.label());
            }
            return;
        }
        if (knownJurisdictions().contains(jurisdictionCode)) {
            access().require(caller, Operation.INSTALL_CONTRIBUTION, jurisdictionCode);
        } else if (!city(caller)) {
            // a new development zone is registered by a bundle the city installs; anyone else learns nothing more
            throw Access.denied(Operation.INSTALL_CONTRIBUTION, Target.of(jurisdictionCode));
        }
    }

    Set<String> knownJurisdictions() {
        return registry.listJurisdictions(Caller.system("contributions")).stream().map(j -> j.code()).collect(Collectors.toSet());
    }

    /** An event is read under the jurisdiction its jar declared; one declaring none (or an unknown one) only by the platform. */
    boolean readable(Caller caller, ContributionEvent e, Set<String> known) {
        if (caller.isSystem()) {
            return true;
        }
        return e.jurisdictionCode() != null && known.contains(e.jurisdictionCode())
                && access().may(caller, Operation.READ_CONTRIBUTIONS, e.jurisdictionCode());
    }
}
