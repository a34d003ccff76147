package io.zhibiao.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reading request bodies with the same limits whether they declare their length or arrive in chunks: past the limit a
 * 413, a connection that breaks a 400. (A client that stops sending is answered 408 by {@code EdgeGuards}.)
 */
public final class Bodies {

    private Bodies() {
    }

    /** The whole body, at most {@code limit} bytes of it. */
    public static byte[] readAtMost(InputStream body, long limit) {
        try (InputStream in = limited(body, limit)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }

    /** Copies the body to {@code out}, at most {@code limit} bytes of it. */
    public static void copyAtMost(InputStream body, OutputStream out, long limit) {
        try (InputStream in = limited(body, limit)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }

    /** A view of the body that throws {@link PayloadTooLarge} as soon as it passes {@code limit} bytes. */
    public static InputStream limited(InputStream body, long limit) {
        return new FilterInputStream(body == null ? InputStream.nullInputStream() : body) {

            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > limit) {
                    throw new PayloadTooLarge(limit);
                }
            }
        };
    }
}
