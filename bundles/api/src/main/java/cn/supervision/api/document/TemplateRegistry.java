package cn.supervision.api.document;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;
import java.util.Map;

/**
 * The contribution bundle's side of document templates: a contribution's {@code SUPERVISION-INF/templates/} files
 * are validated when its bundle is validated (a broken template refuses the bundle with its reasons), installed for
 * the bundle's jurisdiction when the bundle is accepted, and retired (kept for the record) when it is uninstalled or
 * superseded. Paths are relative to {@code templates/}: {@code office.json} (issuing office name, document-number
 * prefix, seal text) and {@code <kind>.html} (see {@link DocumentKind#templateFile()}).
 */
@ProviderType
public interface TemplateRegistry {

    /** Problems of one template file, in Chinese, each naming the file; empty when it is usable. Never throws. */
    List<String> validate(String path, byte[] content);

    /** Makes {@code files} the templates of {@code jurisdictionCode}, from contribution {@code source}. */
    void install(String jurisdictionCode, String source, Map<String, byte[]> files);

    /** Retires the templates {@code source} installed: documents fall back to the superior's or built-in ones. */
    void retire(String jurisdictionCode, String source);
}
