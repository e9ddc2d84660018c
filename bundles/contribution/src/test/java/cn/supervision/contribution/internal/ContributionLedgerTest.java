package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionEventType;
import cn.supervision.api.contribution.ContributionState;
import cn.supervision.testing.LocalJpaTemplate;

class ContributionLedgerTest {
    private LocalJpaTemplate jpa;
    private ContributionLedger ledger;

    @BeforeEach
    void setUp() {
        jpa = new LocalJpaTemplate("contribution-test", "META-INF/contribution-test-persistence.xml");
        ledger = new ContributionLedger(jpa, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        jpa.close();
    }

    private ContributionLedger.Stored store(String version, String hash, String by, boolean accepted, List<String> reasons) {
        return ledger.store(new ContributionLedger.Processed("cn.supervision.county.lijin", version, "370522", hash, "sha-" + by,
                "rest", by, accepted, reasons, 1, 1, null));
    }

    private void event(ContributionEventType type, String version, long id, String actor, List<String> reasons) {
        ledger.append(new ContributionLedger.NewEvent(type, "cn.supervision.county.lijin", version, id, "rest", actor, "370522",
                "370522", "sha-" + actor, "h", reasons));
    }

    @Test
    void aRefusalOfTheSameContentIsItsOwnEventAndOverwritesNoEarlierOne() {
        ContributionLedger.Stored first = store("1.0.0", "h1", "lijin-admin", true, List.of());
        assertFalse(first.replacedAnother());
        event(ContributionEventType.INSTALLED, "1.0.0", first.id(), "lijin-admin", List.of());
        ledger.uninstalled("cn.supervision.county.lijin");
        event(ContributionEventType.UNINSTALLED, "1.0.0", first.id(), "city-admin", List.of());
        // the same content again, now refused (say the city's policy changed)
        ContributionLedger.Stored again = store("1.0.0", "h1", "city-admin", false, List.of("市级政策"));
        assertEquals(first.id(), again.id(), "one record per name, version and content");
        event(ContributionEventType.REFUSED, "1.0.0", again.id(), "city-admin", List.of("市级政策"));

        List<ContributionEvent> history = ledger.events("cn.supervision.county.lijin");
        assertEquals(List.of(ContributionEventType.INSTALLED, ContributionEventType.UNINSTALLED, ContributionEventType.REFUSED),
                history.stream().map(ContributionEvent::type).toList());
        assertEquals("lijin-admin", history.get(0).actor(), "the install is still there, with its uploader");
        assertEquals("sha-lijin-admin", history.get(0).jarSha256());
        assertEquals(List.of("市级政策"), history.get(2).reasons());
        var record = ledger.find(first.id());
        assertEquals(ContributionState.REJECTED, record.getState());
        assertEquals("lijin-admin", record.getInstalledBy(), "who first installed the record stays");
        assertEquals("sha-lijin-admin", record.getJarSha256());
    }

    @Test
    void anUpdateSupersedesTheVersionServedBefore() {
        ContributionLedger.Stored v1 = store("1.0.0", "h1", "lijin-admin", true, List.of());
        ContributionLedger.Stored v2 = store("1.1.0", "h2", "lijin-admin", true, List.of());
        assertTrue(v2.replacedAnother());
        assertEquals(ContributionState.SUPERSEDED, ledger.find(v1.id()).getState());
        assertEquals(ContributionState.ACTIVE, ledger.find(v2.id()).getState());
    }

    @Test
    void theOwnerIsTheJurisdictionOfTheFirstInstallEvenAfterAnUninstall() {
        ledger.append(new ContributionLedger.NewEvent(ContributionEventType.REFUSED, "cn.x", "1", null, "rest", "guangrao-admin",
                "370523", "370523", null, null, List.of("code")));
        assertEquals(null, ledger.owner("cn.x"), "a refusal owns nothing");
        ledger.append(new ContributionLedger.NewEvent(ContributionEventType.INSTALLED, "cn.x", "1", 1L, "rest", "lijin-admin",
                "370522", "370522", null, null, List.of()));
        ledger.append(new ContributionLedger.NewEvent(ContributionEventType.UNINSTALLED, "cn.x", "1", 1L, "rest", "lijin-admin",
                "370522", null, null, null, List.of()));
        ledger.append(new ContributionLedger.NewEvent(ContributionEventType.INSTALLED, "cn.x", "2", 2L, "deploy", "operator",
                null, "370523", null, null, List.of()));
        assertEquals("370522", ledger.owner("cn.x"));
        assertEquals(4, ledger.events("cn.x").size());
        assertEquals(ContributionEventType.INSTALLED, ledger.recent(1).get(0).type(), "newest first");
    }
}
