package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContractCheckTest {

    @Test
    void aBundleMadeFor1xIsReadAndOneMadeForAnotherFormatIsRefusedWithWhy() {
        assertTrue(ContractCheck.refusal(null).isEmpty(), "no header: made for 1.x");
        assertTrue(ContractCheck.refusal("[1.0,2)").isEmpty(), "what the archetype writes");
        assertTrue(ContractCheck.refusal(" [1.0.0,1.1) ").isEmpty());
        String newer = ContractCheck.refusal("[2.0,3)").orElseThrow();
        assertTrue(newer.contains("[2.0.0,3.0.0)") && newer.contains("1.0.0") && newer.contains("升级平台"), newer);
        String tooNewMinor = ContractCheck.refusal("[1.5,2)").orElseThrow();
        assertTrue(tooNewMinor.contains("1.0.0"), tooNewMinor);
        assertEquals("清单头 Supervision-Contract 不是有效的版本范围（例如 [1.0,2)）：1.x",
                ContractCheck.refusal("1.x").orElseThrow());
        assertEquals("清单头 Supervision-Contract 须写明上限（例如 [1.0,2)）：1.0", ContractCheck.refusal("1.0").orElseThrow(),
                "a bare version is every version from it on: future formats included");
        assertTrue(ContractCheck.refusal("x".repeat(10_000)).orElseThrow().length() < 200, "the header is not echoed whole");
    }
}
