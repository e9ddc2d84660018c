package cn.supervision.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javax.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;

class BatchContentTypeTest {
    @Test
    void csvAndJsonAreNamedForTheDomainAndAnythingElseIsUnsupported() {
        assertEquals("csv", BatchContentType.format(new MediaType("text", "csv", "UTF-8")));
        assertEquals("csv", BatchContentType.format(new MediaType("application", "x-csv")));
        assertEquals("json", BatchContentType.format(MediaType.APPLICATION_JSON_TYPE));
        assertEquals("json", BatchContentType.format(new MediaType("application", "vnd.partner+json")));
        assertEquals(ProblemKind.UNSUPPORTED_TYPE,
                assertThrows(SupervisionException.class, () -> BatchContentType.format(MediaType.APPLICATION_XML_TYPE)).kind());
        assertEquals(ProblemKind.UNSUPPORTED_TYPE, assertThrows(SupervisionException.class, () -> BatchContentType.format(null)).kind());
    }
}
