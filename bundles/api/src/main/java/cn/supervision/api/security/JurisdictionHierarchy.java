package cn.supervision.api.security;

import org.osgi.annotation.versioning.ProviderType;

/** The jurisdictions as the registry knows them: the only fact the authority policy needs from it. */
@ProviderType
public interface JurisdictionHierarchy {

    boolean exists(String code);

    /** True when {@code code} is {@code ancestor} itself or lies below it. */
    boolean within(String code, String ancestor);
}
