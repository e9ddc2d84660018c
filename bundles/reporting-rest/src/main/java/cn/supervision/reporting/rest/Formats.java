package cn.supervision.reporting.rest;

import java.net.URI;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import cn.supervision.api.document.StoredDocument;

/** The 201 answer naming the stored version. */
final class Formats {
    private Formats() {
    }

    static Response created(UriInfo uri, StoredDocument d) {
        URI location = uri.getBaseUriBuilder().path("v1/documents/{id}").build(d.id());
        return Response.created(location).entity(d).build();
    }
}
