package cn.supervision.api.document;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/** What the document service would render a jurisdiction's documents with. Authority: {@code READ_CONTRIBUTIONS}. */
@ProviderType
public interface TemplateCatalog {

    /** office.json first, then one entry per {@link DocumentKind}, in declaration order. */
    List<TemplateInForce> inForce(Caller caller, String jurisdictionCode);
}
