package cn.supervision.api.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;

/**
 * An evidence file (佐证材料) as the platform accepts it, wherever it is attached (campaign inputs, rectification
 * items): the cleaned file name, its content type from an allow-list, and the SHA-256 of its bytes. One rule for every
 * bundle: pdf, ofd, images, Word and Excel only, at most {@link #MAX_BYTES}.
 */
public record EvidenceFile(String name, String contentType, String sha256) {
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "ofd", "application/ofd",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
            "doc", "application/msword", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls", "application/vnd.ms-excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static SupervisionException tooLarge() {
        return new SupervisionException(ProblemKind.TOO_LARGE, "请求体过大", "佐证材料不能超过 10 MB", null);
    }

    /**
     * An uploaded body, read into memory only up to {@link #MAX_BYTES}: a declared length over it is refused before a
     * byte is read, an undeclared one as soon as the stream passes it (too large).
     */
    public static byte[] read(Long declaredLength, InputStream body) throws IOException {
        if (declaredLength != null && declaredLength > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] content = body.readNBytes((int) MAX_BYTES + 1);
        if (content.length > MAX_BYTES) {
            throw tooLarge();
        }
        return content;
    }

    /** Checks name, type and size (unsupported type, invalid, too large) and hashes the content. */
    public static EvidenceFile check(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.trim().replaceAll("[\\\\/:*?\"<>|]", "_");
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.get(extension);
        if (name.isEmpty() || name.length() > 200 || type == null) {
            throw new SupervisionException(ProblemKind.UNSUPPORTED_TYPE, "不支持的内容类型", "佐证材料只接受 " + new TreeSet<>(TYPES.keySet()) + " 文件", null);
        }
        if (content == null || content.length == 0) {
            throw SupervisionException.invalid("file", "文件为空");
        }
        if (content.length > MAX_BYTES) {
            throw tooLarge();
        }
        try {
            return new EvidenceFile(name, type, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
