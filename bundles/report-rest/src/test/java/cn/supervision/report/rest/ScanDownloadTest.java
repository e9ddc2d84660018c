package cn.supervision.report.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.supervision.api.report.InstructionScan;

class ScanDownloadTest {

    static InstructionScan scan(String name) {
        return new InstructionScan(7, 3, name, "application/pdf", 10, "0".repeat(64), null, "city-admin", Instant.EPOCH);
    }

    @Test
    void theScanIsDownloadedUnderItsNameAsRfc5987WithAnAsciiFallback() {
        assertEquals("attachment; filename=\"scan-3-7.pdf\"; filename*=UTF-8''%E5%B8%82%E9%95%BF%E6%89%B9%E7%A4%BA%20%281%29.pdf",
                SpecialReportsResource.disposition(scan("市长批示 (1).pdf")));
    }

    @Test
    void quotesAndControlCharactersCannotBreakTheHeader() {
        assertEquals("attachment; filename=\"scan-3-7.pdf\"; filename*=UTF-8''a_b__c.pdf",
                SpecialReportsResource.disposition(scan("a\"b\r\nc.pdf")));
    }
}
