package cn.supervision.api.evidence;

import cn.supervision.api.problem.ProblemKind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.SupervisionException;

class EvidenceFileTest {

    /** A body of {@code size} zero bytes that counts what was read from it. */
    static final class Counting extends InputStream {
        final long size;
        long read;

        Counting(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? (int) (0 * read++) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = (int) Math.min(len, size - read);
            if (n <= 0) {
                return -1;
            }
            read += n;
            return n;
        }
    }

    @Test
    void anUploadIsReadOnlyUpToTheLimit() throws Exception {
        assertArrayEquals(new byte[] {1, 2, 3}, EvidenceFile.read(null, new ByteArrayInputStream(new byte[] {1, 2, 3})));
        assertEquals(EvidenceFile.MAX_BYTES, EvidenceFile.read(EvidenceFile.MAX_BYTES, new Counting(EvidenceFile.MAX_BYTES)).length);

        Counting declared = new Counting(EvidenceFile.MAX_BYTES + 1);
        assertEquals(ProblemKind.TOO_LARGE, assertThrows(SupervisionException.class,
                () -> EvidenceFile.read(EvidenceFile.MAX_BYTES + 1, declared)).kind());
        assertEquals(0, declared.read, "a declared length over the limit is refused before a byte is read");

        Counting undeclared = new Counting(50L * 1024 * 1024);
        assertEquals(ProblemKind.TOO_LARGE, assertThrows(SupervisionException.class, () -> EvidenceFile.read(null, undeclared)).kind());
        assertTrue(undeclared.read <= EvidenceFile.MAX_BYTES + 1, "read " + undeclared.read + " bytes of an undeclared 50 MB body");
    }
}
