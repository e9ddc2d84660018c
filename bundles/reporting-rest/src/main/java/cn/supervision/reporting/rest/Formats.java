package cn.supervision.reporting.rest;

import java.net.URI;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.document.DocumentFormat;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.problem.SupervisionException;

/** The {@code format} parameter (PDF when omitted) and the 201 answer naming the stored version. */
final class Formats {
    private Formats() {
    }

    static DocumentFormat format(String text) {
        if (text == null || text.isBlank()) {
            return DocumentFormat.PDF;
        }
        try {
            return DocumentFormat.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid("format", "“" + text + "”不是有效的文书格式（PDF 或 DOCX）");
        }
    }

    static Response created(UriInfo uri, StoredDocument d) {
        URI location = uri.getBaseUriBuilder().path("v1/documents/{id}").build(d.id());
        return Response.created(location).entity(d).build();
    }
}
