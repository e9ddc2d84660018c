package cn.supervision.api.health;

/**
 * A part of the platform that reports whether it is ready. Registered as an OSGi service; the health
 * endpoint is UP only when every required component is registered and reports UP.
 */
public interface HealthIndicator {

    /** Service property naming the component, e.g. {@code registry}. */
    String COMPONENT = "supervision.health.component";

    /** Null or empty when ready; otherwise why not. Must be cheap: it is called on every health request. */
    String problem();
}
