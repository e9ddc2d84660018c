package cn.supervision.contribution.internal;

import cn.supervision.api.problem.ProblemKind;

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
        assertEquals(ProblemKind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("370522"));
        assertEquals(ProblemKind.CONFLICT, refused("cn.supervision.county.lijin", "370523", "370522", null, true).kind(), "the city too");
        assertTrue(Ownership.refusal("cn.supervision.county.lijin", "370522", "370522", new Ownership.Existing(true, true), false).isEmpty());
        assertTrue(Ownership.refusal("cn.supervision.county.new", "370522", null, null, false).isEmpty());
    }

    @Test
    void noUploadTouchesABundleThatIsNotARecordedContributionOfTheDeclaredJurisdiction() {
        // the platform's and Karaf's own bundles: in the framework, never recorded as a contribution
        assertEquals(ProblemKind.CONFLICT, refused("org.apache.karaf.shell.core", "370522", null, new Ownership.Existing(false, false), true).kind());
        assertEquals(ProblemKind.CONFLICT, refused("cn.supervision.api", "370500", null, new Ownership.Existing(false, false), true).kind());
        // a contribution recorded for another jurisdiction that was never accepted (no owner yet)
        assertEquals(ProblemKind.CONFLICT, refused("cn.supervision.county.x", "370523", null, new Ownership.Existing(false, true), false).kind());
    }

    @Test
    void whatTheOperatorInstalledOnlyTheCityUpdates() {
        assertEquals(ProblemKind.CONFLICT, refused("cn.supervision.county.lijin", "370522", "370522", new Ownership.Existing(true, false), false).kind());
        assertTrue(Ownership.refusal("cn.supervision.county.lijin", "370522", "370522", new Ownership.Existing(true, false), true).isEmpty());
    }
}
