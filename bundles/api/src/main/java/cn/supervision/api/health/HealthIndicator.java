package cn.supervision.api.health;

/**
 * A part of the platform that reports whether it is ready. Registered as an OSGi service; the health
 * endpoint is UP only when every required component is registered and reports no problem.
 */
public interface HealthIndicator {

    /** The component's name, e.g. {@code registry} or {@code soap}. */
    String component();

    /** Null when ready; otherwise why not. Must be cheap: it is called on every health request. */
    String problem();
}
