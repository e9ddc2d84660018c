package cn.supervision.platform.internal;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;

/** Who may submit, manage and read a jurisdiction's platform data, as the registry's access rules say. */
final class Access {
    private final RegistryService registry;

    Access(RegistryService registry) {
        this.registry = registry;
    }

    void requireWriter(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.SUBMIT_PLATFORM_DATA, jurisdictionCode);
    }

    void requireOffice(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.MANAGE_PLATFORM_DATA, jurisdictionCode);
    }

    void requireReader(Caller caller, String jurisdictionCode) {
        registry.access().require(caller, Operation.READ_PLATFORM_DATA, jurisdictionCode);
    }

    boolean mayRead(Caller caller, String jurisdictionCode) {
        if (caller.isSystem()) {
            return true;
        }
        try {
            requireReader(caller, jurisdictionCode);
            return true;
        } catch (SupervisionException e) {
            return false;
        }
    }
}
