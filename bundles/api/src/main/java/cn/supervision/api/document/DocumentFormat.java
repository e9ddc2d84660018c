package cn.supervision.api.document;

import java.util.Locale;

import cn.supervision.api.problem.SupervisionException;

/** DOCX is what offices revise before sending; PDF is what is archived and what leaders read. */
public enum DocumentFormat {
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * A request's {@code format} parameter: PDF when omitted, an invalid-input refusal naming the field for anything
     * but PDF or DOCX.
     */
    public static DocumentFormat ofParameter(String text) {
        if (text == null || text.isBlank()) {
            return PDF;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SupervisionException.invalid("format", "“" + text + "”不是有效的文书格式（PDF 或 DOCX）");
        }
    }
}
