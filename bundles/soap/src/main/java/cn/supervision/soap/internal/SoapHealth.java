package cn.supervision.soap.internal;

import org.apache.cxf.jaxws.EndpointImpl;

import cn.supervision.api.health.HealthIndicator;

/** UP once the SOAP endpoints are published on the HTTP transport. */
public class SoapHealth implements HealthIndicator {
    private final EndpointImpl[] endpoints;

    public SoapHealth(EndpointImpl... endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public String component() {
        return "soap";
    }

    @Override
    public String problem() {
        for (EndpointImpl e : endpoints) {
            if (!e.isPublished()) {
                return "endpoint " + e.getAddress() + " not published";
            }
        }
        return null;
    }
}
