package cn.supervision.api.document;

import java.util.Map;

/**
 * What a builder asks the document service to render and keep. {@code subject} names what the document is about, as
 * {@code <kind>:<id>[/<kind>:<id>]} (e.g. {@code campaign:12}, {@code campaign:12/unit:CZJ}, {@code notice:5},
 * {@code special-report:3}, {@code meeting:2}, {@code criticism:<jurisdiction>-<n>}); generating again for the same kind
 * and subject makes the next version and keeps the document number. {@code unitCode} / {@code departmentCode}: whom the
 * document concerns (they read it once issued), or null. {@code model}: the kind's fields (see {@link DocumentKind});
 * values are strings, numbers, booleans, lists and maps of those.
 */
public record DocumentRequest(DocumentKind kind, String jurisdictionCode, String subject, String unitCode,
                              String departmentCode, String title, Map<String, Object> model, DocumentFormat format) {
}
