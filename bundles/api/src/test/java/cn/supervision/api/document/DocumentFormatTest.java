package cn.supervision.api.document;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.SupervisionException;

class DocumentFormatTest {

    @Test
    void theFormatParameterIsPdfWhenOmittedAndNamesTheFieldWhenWrong() {
        assertEquals(DocumentFormat.PDF, DocumentFormat.ofParameter(null));
        assertEquals(DocumentFormat.PDF, DocumentFormat.ofParameter(" "));
        assertEquals(DocumentFormat.DOCX, DocumentFormat.ofParameter(" docx "));
        SupervisionException wrong = assertThrows(SupervisionException.class, () -> DocumentFormat.ofParameter("odt"));
        assertEquals(ProblemKind.INVALID, wrong.kind());
        assertEquals(true, wrong.getMessage().contains("odt"), wrong.getMessage());
    }
}
