package cn.supervision.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.blueprint.container.BlueprintEvent;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.DTOConstants;
import org.osgi.service.http.runtime.dto.FailedServletDTO;
import org.osgi.service.http.runtime.dto.RequestInfoDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;

import cn.supervision.api.contribution.ContributionService;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;

/** Readiness from fake bundles and the extender's events, delivered as Aries delivers them. */
class PlatformReadinessTest {
    final FakeBundle extender = new FakeBundle(5, "org.apache.aries.blueprint.core");
    final FakeBundle api = new FakeBundle(40, "cn.supervision.api");
    final FakeBundle campaign = new FakeBundle(41, "cn.supervision.campaign").blueprint();
    final FakeBundle campaignRest = new FakeBundle(42, "cn.supervision.campaign.rest").blueprint();
    final List<Bundle> installed = new ArrayList<>(List.of(extender, api, campaign, campaignRest));
    final List<String> unpublished = new ArrayList<>();
    /** What the HTTP runtime describes; null: no runtime registered. */
    RuntimeDTO runtime = runtime();
    int runtimeReads;
    /** Milliseconds; each test moves it past the re-read interval before it expects a fresh description. */
    long now;
    final HttpServiceRuntime httpRuntime = answering(() -> {
        runtimeReads++;
        return runtime;
    });
    HttpServiceRuntime registered = httpRuntime;
    final PlatformReadiness readiness = new PlatformReadiness(() -> installed.toArray(Bundle[]::new), () -> List.copyOf(unpublished),
            new ServletDeployment(() -> registered, () -> now));

    /** An HTTP runtime describing itself as {@code description} says; health asks nothing else of it. */
    static HttpServiceRuntime answering(Supplier<RuntimeDTO> description) {
        return new HttpServiceRuntime() {
            @Override
            public RuntimeDTO getRuntimeDTO() {
                return description.get();
            }

            @Override
            public RequestInfoDTO calculateRequestInfoDTO(String path) {
                return new RequestInfoDTO();
            }
        };
    }

    /** Health asked again later than the runtime's description is kept. */
    String problemLater() {
        now += ServletDeployment.REREAD_MILLIS;
        return readiness.problem();
    }

    /** A runtime serving the servlets of these service ids in the default context, and refusing none. */
    static RuntimeDTO runtime(long... servletIds) {
        RuntimeDTO dto = new RuntimeDTO();
        ServletContextDTO context = new ServletContextDTO();
        context.name = "default";
        context.servletDTOs = new ServletDTO[servletIds.length];
        for (int i = 0; i < servletIds.length; i++) {
            context.servletDTOs[i] = new ServletDTO();
            context.servletDTOs[i].serviceId = servletIds[i];
        }
        dto.servletContextDTOs = new ServletContextDTO[] {context};
        dto.failedServletDTOs = new FailedServletDTO[0];
        return dto;
    }

    void event(int type, FakeBundle bundle) {
        readiness.blueprintEvent(new BlueprintEvent(type, bundle, extender));
    }

    void created(FakeBundle... bundles) {
        for (FakeBundle b : bundles) {
            event(BlueprintEvent.CREATING, b);
            event(BlueprintEvent.CREATED, b);
        }
    }

    @Test
    void notReadyUntilEveryPlatformContainerIsCreated() {
        String before = readiness.problem();
        assertTrue(before.contains("cn.supervision.campaign:") && before.contains("cn.supervision.campaign.rest:"), before);
        assertFalse(before.contains("cn.supervision.api"), "no Blueprint, active: ready " + before);

        created(campaignRest);
        event(BlueprintEvent.CREATING, campaign);
        readiness.blueprintEvent(new BlueprintEvent(BlueprintEvent.GRACE_PERIOD, campaign, extender,
                new String[] {"(objectClass=javax.sql.DataSource)"}));
        String waiting = readiness.problem();
        assertTrue(waiting.startsWith("cn.supervision.campaign: ") && waiting.contains("javax.sql.DataSource"), waiting);
        assertFalse(waiting.contains("campaign.rest"), waiting);

        event(BlueprintEvent.CREATED, campaign);
        assertNull(readiness.problem());
        assertEquals("modules", readiness.component());
    }

    @Test
    void aContainerWhoseEventsWereMissedCountsOnceItIsRegistered() {
        // Aries created the container while this listener was being registered: no event reached it, none was replayed
        created(campaignRest);
        assertTrue(readiness.problem().startsWith("cn.supervision.campaign: Blueprint container not started yet"), readiness.problem());
        campaign.registered.add(FakeReference.blueprintContainer(900, campaign));
        assertNull(readiness.problem());
        // destroyed: the extender unregisters it, and its last event tells why
        campaign.registered.clear();
        readiness.blueprintEvent(new BlueprintEvent(BlueprintEvent.FAILURE, campaign, extender, new IllegalStateException("boom")));
        assertTrue(readiness.problem().startsWith("cn.supervision.campaign: Blueprint container FAILED"), readiness.problem());
    }

    @Test
    void aBundleNotActiveIsNamedWithItsState() {
        created(campaign, campaignRest);
        campaign.state(Bundle.RESOLVED);
        assertEquals("cn.supervision.campaign: RESOLVED (not started)", readiness.problem());
        installed.add(new FakeBundle(43, "cn.supervision.survey").state(Bundle.INSTALLED));
        assertTrue(readiness.problem().contains("cn.supervision.survey: INSTALLED"), readiness.problem());
    }

    @Test
    void aContainerThatFailsLaterTurnsItDownWithItsNameAndARestartBringsItBack() {
        created(campaign, campaignRest);
        assertNull(readiness.problem());
        readiness.blueprintEvent(new BlueprintEvent(BlueprintEvent.FAILURE, campaign, extender,
                new IllegalStateException("schema migration failed")));
        String failed = readiness.problem();
        assertTrue(failed.startsWith("cn.supervision.campaign: Blueprint container FAILED") && failed.contains("schema migration failed"),
                failed);

        event(BlueprintEvent.DESTROYING, campaign);
        event(BlueprintEvent.DESTROYED, campaign);
        assertTrue(readiness.problem().contains("destroyed"), readiness.problem());
        created(campaign);
        assertNull(readiness.problem());
    }

    /** The console's bundle, its container created (as the other two), its servlet 902 registered on the whiteboard. */
    FakeBundle consoleCreated() {
        FakeBundle console = new FakeBundle(44, "cn.supervision.console").blueprint();
        installed.add(console);
        created(campaign, campaignRest, console);
        console.registered.add(FakeReference.blueprintContainer(901, console));
        console.registered.add(FakeReference.servlet(902, console, "supervision-console", "/console/*"));
        return console;
    }

    @Test
    void aCreatedContainersServletsCountOnlyOnceTheHttpRuntimeServesThem() {
        FakeBundle console = consoleCreated();
        console.registered.add(FakeReference.servlet(903, console, "supervision-console-root", ""));

        registered = null;
        assertEquals("cn.supervision.console: no HTTP runtime to serve supervision-console, supervision-console-root", problemLater());
        registered = httpRuntime;
        runtime = runtime(902);
        assertEquals("cn.supervision.console: servlet supervision-console-root not served yet", problemLater());
        runtime = runtime(902, 903);
        assertEquals("cn.supervision.console: servlet supervision-console-root not served yet", readiness.problem(),
                "within the re-read interval the last description stands");
        assertNull(problemLater());

        // seen served: health no longer asks the runtime
        int reads = runtimeReads;
        assertNull(problemLater());
        assertEquals(reads, runtimeReads);

        // the bundle restarted: new services, not served until the runtime says so; a shadowed one is listed under its
        // context as well as among the failures, and the failure decides
        console.registered.removeIf(r -> r.getProperty(ServletDeployment.PATTERN) != null);
        console.registered.add(FakeReference.servlet(904, console, "supervision-console-root", ""));
        assertTrue(problemLater().contains("supervision-console-root not served yet"), readiness.problem());
        runtime = runtime(902, 903, 904);
        FailedServletDTO shadowed = new FailedServletDTO();
        shadowed.serviceId = 904;
        shadowed.failureReason = DTOConstants.FAILURE_REASON_SHADOWED_BY_OTHER_SERVICE;
        runtime.failedServletDTOs = new FailedServletDTO[] {shadowed};
        assertEquals("cn.supervision.console: servlet supervision-console-root refused by the HTTP runtime (failure reason "
                + DTOConstants.FAILURE_REASON_SHADOWED_BY_OTHER_SERVICE + ")", problemLater());
        runtime = runtime(902, 904);
        assertNull(problemLater());
    }

    @Test
    void aReplacedHttpRuntimeMustServeTheServletsAgain() {
        consoleCreated();
        runtime = runtime(902);
        assertNull(problemLater());

        // etc/org.ops4j.pax.web.cfg changed: Pax Web registers a new runtime, which the whiteboard fills again
        RuntimeDTO[] refilling = {runtime()};
        registered = answering(() -> refilling[0]);
        assertEquals("cn.supervision.console: servlet supervision-console not served yet", problemLater());
        refilling[0] = runtime(902);
        assertNull(problemLater());
    }

    @Test
    void aRuntimeThatFailsToAnswerIsAProblemNotAnError() {
        consoleCreated();
        registered = answering(() -> {
            throw new IllegalStateException("the service is gone");
        });
        assertEquals("cn.supervision.console: HTTP runtime not answering (IllegalStateException) for supervision-console", problemLater());
    }

    @Test
    void aBundleWithoutServletsNeverAsksTheHttpRuntime() {
        created(campaign, campaignRest);
        registered = null;
        assertNull(readiness.problem());
        registered = httpRuntime;
        assertNull(problemLater());
        assertEquals(0, runtimeReads);
    }

    @Test
    void aCallWaitingForAServiceDoesNotMakeACreatedContainerUnready() {
        created(campaign, campaignRest);
        // Aries sends WAITING when a proxy call blocks on a missing service, and nothing when the service returns
        readiness.blueprintEvent(new BlueprintEvent(BlueprintEvent.WAITING, campaign, extender,
                new String[] {"(objectClass=cn.supervision.api.registry.RegistryService)"}));
        assertNull(readiness.problem());
    }

    @Test
    void contributionsFragmentsAndOtherBundlesDoNotCount() {
        created(campaign, campaignRest);
        installed.add(new FakeBundle(60, "cn.supervision.county.lijin").blueprint().state(Bundle.RESOLVED)
                .header(ContributionService.JURISDICTION_HEADER, "370522"));
        installed.add(new FakeBundle(61, "cn.supervision.fonts.extra").state(Bundle.RESOLVED)
                .header("Fragment-Host", "cn.supervision.document"));
        installed.add(new FakeBundle(62, "org.apache.karaf.shell.ssh").blueprint().state(Bundle.RESOLVED));
        assertNull(readiness.problem());
    }

    @Test
    void resourcesTheGatewayHasNotPublishedKeepItDown() {
        created(campaign, campaignRest);
        unpublished.add("cn.supervision.campaign.rest");
        assertEquals("cn.supervision.campaign.rest: REST resources not published yet", readiness.problem());
        unpublished.clear();
        assertNull(readiness.problem());
    }

    @Test
    void healthIsDownUntilReadyAndOnlyTheOfficeSeesWhichBundle() {
        HealthResource health = new HealthResource(List.of(readiness), List.of(HealthResourceTest.registry()), "modules");
        Response anonymous = health.health(null);
        assertEquals(503, anonymous.getStatus());
        assertEquals(Map.of("status", "DOWN"), ((Map<?, ?>) ((Map<?, ?>) anonymous.getEntity()).get("components")).get("modules"));
        Caller admin = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
        String office = health.health(new BasicAuthenticationFilter.CallerSecurityContext(admin, false)).getEntity().toString();
        assertTrue(office.contains("cn.supervision.campaign"), office);

        created(campaign, campaignRest);
        assertEquals(200, health.health(null).getStatus());
        assertEquals(200, health.live().getStatus(), "liveness does not wait for readiness");
    }

    @Test
    void theOperatorSeesWhyAContainerFailedAnyOtherOfficeWhichBundleAndTheExceptionClass() {
        String cause = "jdbc:derby:/opt/supervision/data/derby;create=true: SELECT ID FROM SV_CAMPAIGN failed";
        created(campaign, campaignRest);
        readiness.blueprintEvent(new BlueprintEvent(BlueprintEvent.FAILURE, campaign, extender, new IllegalStateException(cause)));
        HealthResource health = new HealthResource(List.of(readiness), List.of(HealthResourceTest.registry()), "modules");
        health.summarize(PlatformReadiness.COMPONENT, readiness::summary);

        String city = body(health, new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null));
        assertTrue(city.contains(cause), city);
        String county = body(health, new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null));
        assertTrue(county.contains("cn.supervision.campaign: Blueprint container FAILED (java.lang.IllegalStateException)"), county);
        assertFalse(county.contains("jdbc:derby") || county.contains("SV_CAMPAIGN") || county.contains("/opt/"), county);

        readiness.blueprintEvent(new BlueprintEvent(BlueprintEvent.GRACE_PERIOD, campaign, extender,
                new String[] {"(&(objectClass=javax.sql.DataSource)(dataSourceName=jdbc/supervision))"}));
        assertEquals("cn.supervision.campaign: Blueprint container waiting for services", readiness.summary());
        assertTrue(body(health, new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null)).contains("dataSourceName"));
    }

    @Test
    void whetherABundleHasBlueprintIsLookedForOncePerRevision() {
        FakeBundle handBuilt = new FakeBundle(44, "cn.supervision.survey").blueprintEntries();
        FakeBundle plain = new FakeBundle(45, "cn.supervision.fonts");
        installed.addAll(List.of(handBuilt, plain));
        created(campaign, campaignRest);
        HealthResource health = new HealthResource(List.of(readiness), List.of(), "modules");
        assertEquals(503, health.health(null).getStatus(), "the survey's container is not created yet");
        assertEquals(503, health.health(null).getStatus());
        assertEquals(1, handBuilt.findEntriesCalls);
        assertEquals(1, plain.findEntriesCalls);

        created(handBuilt);
        assertEquals(200, health.health(null).getStatus());
        handBuilt.updated();
        readiness.problem();
        assertEquals(2, handBuilt.findEntriesCalls, "an update may add or remove Blueprint");
        assertEquals(1, plain.findEntriesCalls);
    }

    private static String body(HealthResource health, Caller caller) {
        Response r = health.health(new BasicAuthenticationFilter.CallerSecurityContext(caller, false));
        assertEquals(503, r.getStatus());
        return r.getEntity().toString();
    }

    @Test
    void livenessAnswersWhileNotReady() {
        HealthResource health = new HealthResource(List.of(readiness), List.of(), "modules");
        assertEquals(503, health.health(null).getStatus());
        Response live = health.live();
        assertEquals(200, live.getStatus());
        assertEquals(Map.of("status", "UP"), live.getEntity());
    }
}
