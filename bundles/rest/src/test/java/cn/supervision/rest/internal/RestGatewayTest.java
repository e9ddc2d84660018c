package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway's publications on a real CXF bus, run by hand through a manual scheduler: no sleeping. */
class RestGatewayTest {
    @Path("/v1/things")
    public static class Things {
        @GET
        public String list() {
            return "[]";
        }
    }

    final Bus bus = BusFactory.newInstance().createBus();
    final ManualScheduler scheduler = new ManualScheduler();
    final PublicEndpoints endpoints = new PublicEndpoints();

    @AfterEach
    void shutdown() {
        bus.shutdown(true);
    }

    /** A gateway whose first {@code failures} builds fail, as a publication does when a resource cannot be modelled. */
    RestGateway gateway(int failures) {
        return new RestGateway(null, bus, "/api", List.of(), List.of(new Things()), endpoints, scheduler) {
            int builds;

            @Override
            Server build(List<Object> beans) {
                if (builds++ < failures) {
                    throw new IllegalStateException("cannot build");
                }
                return super.build(beans);
            }
        };
    }

    @Test
    void aFailedPublicationIsTriedAgainFiveSecondsLater() {
        RestGateway gateway = gateway(1);
        gateway.requestPublication();
        assertEquals(0, scheduler.runNext(), "the first publication is due at once");
        assertNull(gateway.server(), "it failed");
        assertEquals(RestGateway.RETRY_MILLIS, scheduler.next().delayMillis, "the next try waits 5 s");
        scheduler.runNext();
        assertNotNull(gateway.server());
        assertEquals(1, gateway.publications());
        assertTrue(scheduler.idle(), "a success schedules nothing more");
    }

    @Test
    void aChangeDuringTheRetryDelayPublishesSooner() {
        RestGateway gateway = gateway(1);
        gateway.requestPublication();
        scheduler.runNext();
        gateway.requestPublication();
        assertEquals(0, scheduler.runNext(), "the change, not the retry 5 s later");
        assertNotNull(gateway.server());
        assertTrue(scheduler.idle(), "the pending retry was replaced");
    }

    @Path("/v1/others")
    public static class Others {
        @GET
        public String list() {
            return "[]";
        }
    }

    @Test
    void aPlatformResourceIsUnpublishedUntilTheServerRoutingHasIt() {
        RestGateway gateway = gateway(0);
        gateway.requestPublication();
        scheduler.runNext();
        assertEquals(List.of(), gateway.unpublished());

        gateway.added(new FakeReference(11, new FakeBundle(42, "cn.supervision.campaign.rest")), new Others());
        gateway.added(new FakeReference(12, new FakeBundle(60, "cn.supervision.county.lijin")
                .header(cn.supervision.api.contribution.ContributionService.JURISDICTION_HEADER, "370522")), new Things());
        assertEquals(List.of("cn.supervision.campaign.rest"), gateway.unpublished(), "a contribution's resource does not count");
        assertEquals(RestGateway.QUIET_MILLIS, scheduler.runNext());
        assertEquals(List.of(), gateway.unpublished());
    }

    @Test
    void aFailedPublicationLeavesTheResourceUnpublished() {
        RestGateway gateway = gateway(1);
        gateway.added(new FakeReference(11, new FakeBundle(42, "cn.supervision.campaign.rest")), new Others());
        scheduler.runNext();
        assertEquals(List.of("cn.supervision.campaign.rest"), gateway.unpublished());
        scheduler.runNext();
        assertEquals(List.of(), gateway.unpublished());
    }

    @Test
    void republishedServersAreLeftToTheCollector() throws InterruptedException {
        RestGateway gateway = gateway(0);
        ReferenceQueue<Object> cleared = new ReferenceQueue<>();
        List<WeakReference<Object>> old = new ArrayList<>();
        Object firstDestination = null;
        for (int i = 0; i < 20; i++) {
            gateway.requestPublication();
            scheduler.runNext();
            Server s = gateway.server();
            firstDestination = firstDestination == null ? s.getDestination() : firstDestination;
            old.add(new WeakReference<>(s, cleared));
            old.add(new WeakReference<>(s.getEndpoint(), cleared));
        }
        Server current = gateway.server();
        ServerRegistry registry = bus.getExtension(ServerRegistry.class);
        assertEquals(List.of(current), registry.getServers(), "only the routing server is registered");
        assertSame(firstDestination, current.getDestination(), "one destination, shared");
        List<WeakReference<Object>> replaced = old.subList(0, old.size() - 2);
        // System.gc() is a request: asked again until the collector has cleared them all or the deadline passed, each
        // time waiting for it to report a cleared reference (enqueued) rather than for a fixed pause
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (replaced.stream().anyMatch(r -> r.get() != null) && System.nanoTime() < end) {
            System.gc();
            cleared.remove(100);
        }
        assertEquals(0, replaced.stream().filter(r -> r.get() != null).count(), "replaced servers and endpoints still reachable");
        assertNotNull(current.getDestination().getMessageObserver(), "the destination still routes, to the current server");
    }
}
