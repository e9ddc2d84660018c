package cn.supervision.contribution.internal;

import java.util.Optional;

import cn.supervision.api.problem.SupervisionException;

/**
 * Who may install or update a symbolic name. A name belongs to the jurisdiction that first installed it; no upload
 * may touch a bundle of the framework that is not a recorded contribution of the declared jurisdiction (the
 * platform's own bundles, Karaf's); a contribution the operator installed is updated only by the city or the
 * operator. Each refusal is a 409 naming the reason.
 */
final class Ownership {
    private Ownership() {
    }

    /**
     * A bundle of that symbolic name already in the framework.
     *
     * @param recordedForDeclared a contribution record of this name exists for the declared jurisdiction
     * @param uploaded            it was installed by an upload (not by the operator: deploy folder, feature, shell)
     */
    record Existing(boolean recordedForDeclared, boolean uploaded) { }

    /**
     * @param owner    the jurisdiction that first installed the name (null: never installed)
     * @param existing the bundle of that name in the framework (null: none)
     * @param city     the caller has the city's authority over contributions
     */
    static Optional<SupervisionException> refusal(String symbolicName, String declared, String owner, Existing existing,
                                                  boolean city) {
        if (owner != null && !owner.equals(declared)) {
            return Optional.of(SupervisionException.conflict("贡献包 " + symbolicName + " 属于行政区划 " + owner
                    + "（由它首先安装），不能以行政区划 " + declared + " 的名义安装或更新"));
        }
        if (existing != null && !existing.recordedForDeclared()) {
            return Optional.of(SupervisionException.conflict("平台中已有名为 " + symbolicName + " 的 bundle，它不是行政区划 "
                    + declared + " 的贡献包（平台或 Karaf 自身的 bundle 不能通过贡献包接口安装或更新）"));
        }
        if (existing != null && !existing.uploaded() && !city) {
            return Optional.of(SupervisionException.conflict("贡献包 " + symbolicName + " 是由运维渠道安装的，只能由运维人员或市级管理员更新"));
        }
        return Optional.empty();
    }
}
