package cn.supervision.rest.bounds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies read with a limit: refused by their declared length before reading, and while streaming. */
public final class Bodies {
    private Bodies() {
    }

    /**
     * {@code body} as a stream that throws {@link BodyTooLargeException} once more than {@code maxBytes} have been read;
     * thrown at once when {@code declaredLength} (the Content-Length header, null when chunked) already exceeds it.
     */
    public static InputStream limited(InputStream body, Long declaredLength, long maxBytes) {
        if (declaredLength != null && declaredLength > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return new Limited(body, maxBytes);
    }

    /** "1 MB", "512 KB", "300 字节": the limit as people read it. */
    public static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " 字节";
    }

    /** Counts what is read; also remembers whether the body was read to its end. */
    public static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;
        private boolean ended;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        private int count(int n) {
            if (n < 0) {
                ended = true;
            } else if ((read += n) > limit) {
                throw new BodyTooLargeException(limit);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(super.read(b, off, len));
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes are received all the same
            byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** True once the whole body has been read. */
        public boolean ended() {
            return ended;
        }

        public long bytesRead() {
            return read;
        }
    }
}
