package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.SupervisionException;

class OwnershipTest {

    private static SupervisionException refused(String bsn, String declared, String owner, Ownership.Existing existing, boolean city) {
        return Ownership.refusal(bsn, declared, owner, existing, city).orElseThrow(() -> new AssertionError("not refused"));
    }

    @Test
    void aNameBelongsToTheJurisdictionThatFirstInstalledIt() {
        SupervisionException e = refused("cn.supervision.county.lijin", "370523", "370522", null, false);
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("370522"));
        assertEquals(409, refused("cn.supervision.county.lijin", "370523", "370522", null, true).status(), "the city too");
        assertTrue(Ownership.refusal("cn.supervision.county.lijin", "370522", "370522", new Ownership.Existing(true, true), false).isEmpty());
        assertTrue(Ownership.refusal("cn.supervision.county.new", "370522", null, null, false).isEmpty());
    }

    @Test
    void noUploadTouchesABundleThatIsNotARecordedContributionOfTheDeclaredJurisdiction() {
        // the platform's and Karaf's own bundles: in the framework, never recorded as a contribution
        assertEquals(409, refused("org.apache.karaf.shell.core", "370522", null, new Ownership.Existing(false, false), true).status());
        assertEquals(409, refused("cn.supervision.api", "370500", null, new Ownership.Existing(false, false), true).status());
        // a contribution recorded for another jurisdiction that was never accepted (no owner yet)
        assertEquals(409, refused("cn.supervision.county.x", "370523", null, new Ownership.Existing(false, true), false).status());
    }

    @Test
    void whatTheOperatorInstalledOnlyTheCityUpdates() {
        assertEquals(409, refused("cn.supervision.county.lijin", "370522", "370522", new Ownership.Existing(true, false), false).status());
        assertTrue(Ownership.refusal("cn.supervision.county.lijin", "370522", "370522", new Ownership.Existing(true, false), true).isEmpty());
    }
}
