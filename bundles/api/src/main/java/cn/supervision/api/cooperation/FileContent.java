package cn.supervision.api.cooperation;

/** A file to download through a share or a referral: its name, content type and bytes. */
public record FileContent(String fileName, String contentType, byte[] content) {
}
