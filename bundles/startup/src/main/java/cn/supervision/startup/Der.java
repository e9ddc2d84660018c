package cn.supervision.startup;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The few ASN.1 DER encodings an X.509 certificate is built from (ITU-T X.690); each returns a complete element. */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;

    private Der() {
    }

    static byte[] element(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... elements) {
        return element(SEQUENCE, concat(elements));
    }

    /** {@code [n] EXPLICIT}: the element wrapped in a constructed context-specific tag. */
    static byte[] explicit(int n, byte[] element) {
        return element(0xA0 | n, element);
    }

    /** {@code [n] IMPLICIT} of a primitive type: the content under a context-specific tag. */
    static byte[] implicit(int n, byte[] content) {
        return element(0x80 | n, content);
    }

    static byte[] integer(BigInteger value) {
        return element(INTEGER, value.toByteArray()); // two's complement, minimal: what DER asks for
    }

    /** A BIT STRING of whole bytes (no unused bits). */
    static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return element(BIT_STRING, content);
    }

    static byte[] octetString(byte[] bytes) {
        return element(OCTET_STRING, bytes);
    }

    static byte[] ia5(int implicitTag, String ascii) {
        return implicit(implicitTag, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** An OBJECT IDENTIFIER in dotted form, e.g. {@code 2.5.29.17}. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return element(OBJECT_IDENTIFIER, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int group = (int) (value >>> (7 * i)) & 0x7F;
            out.write(i == 0 ? group : group | 0x80);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
