package cn.supervision.rectification.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import cn.supervision.api.problem.SupervisionException;

/** The evidence limits of the campaign bundle, applied to rectification files: type allow-list, 10 MB, SHA-256. */
public final class EvidenceFiles {
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "ofd", "application/ofd",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
            "doc", "application/msword", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls", "application/vnd.ms-excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private EvidenceFiles() {
    }

    public static SupervisionException tooLarge() {
        return new SupervisionException(413, "请求体过大", "佐证材料不能超过 10 MB", null);
    }

    /** A checked file: its cleaned name, content type and hash. */
    record Checked(String name, String type, String sha256) { }

    static Checked check(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.trim().replaceAll("[\\\\/:*?\"<>|]", "_");
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.get(extension);
        if (name.isEmpty() || name.length() > 200 || type == null) {
            throw new SupervisionException(415, "不支持的内容类型", "佐证材料只接受 " + new TreeSet<>(TYPES.keySet()) + " 文件", null);
        }
        if (content == null || content.length == 0) {
            throw SupervisionException.invalid("file", "文件为空");
        }
        if (content.length > MAX_BYTES) {
            throw tooLarge();
        }
        try {
            return new Checked(name, type, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
