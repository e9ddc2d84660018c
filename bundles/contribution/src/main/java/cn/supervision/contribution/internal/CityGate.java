package cn.supervision.contribution.internal;

import java.util.function.Predicate;

import cn.supervision.api.health.HealthIndicator;

/**
 * The city's bundle is the first tenant: its jurisdictions and policy are what county bundles are checked against, so
 * nothing else is processed before it, and the platform is not healthy until it has been.
 */
final class CityGate implements HealthIndicator {
    private final Predicate<String> isCity;
    private volatile boolean open;

    CityGate(Predicate<String> isCity) {
        this.isCity = isCity;
    }

    boolean isCity(String symbolicName) {
        return isCity.test(symbolicName);
    }

    boolean isOpen() {
        return open;
    }

    /** Opens the gate when the accepted bundle is the city's; answers whether this call opened it. */
    boolean accepted(String symbolicName) {
        if (open || !isCity(symbolicName)) {
            return false;
        }
        open = true;
        return true;
    }

    @Override
    public String component() {
        return "contributions";
    }

    @Override
    public String problem() {
        return open ? null : "the city's contribution bundle has not been processed yet";
    }
}
