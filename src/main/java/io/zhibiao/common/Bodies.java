package io.zhibiao.common;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reading request bodies that the API streams itself (imports, plan text), with the same limits whether they declare
 * their length or arrive in chunks: past the limit a 413; a body that stops arriving for {@code
 * zhibiao.security.body-idle-timeout} while it is being read a 408, answered at once and the connection closed, so a
 * client on a dead line learns why; a connection that breaks a 400. The idle watch runs only while the body is read:
 * a request the service itself holds back (no worker free yet, an import still writing) is never cut.
 */
@ApplicationScoped
public class Bodies {

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    ZhibiaoConfig config;

    /** The whole body, at most {@code limit} bytes of it. */
    public byte[] readAtMost(InputStream body, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copyAtMost(body, out, limit);
        return out.toByteArray();
    }

    /**
     * The body in a temporary file, at most {@code limit} bytes of it: a file is read twice (checked, then written)
     * and an XLSX needs one. The caller deletes it ({@link #delete}).
     */
    public java.nio.file.Path spool(InputStream body, long limit) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("zhibiao-upload-", ".part");
            try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                copyAtMost(body, out, limit);
            } catch (RuntimeException | IOException e) {
                delete(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }

    /** Deletes a spooled body; a failure is logged, never thrown (the answer is already decided). */
    public static void delete(java.nio.file.Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException e) {
            io.quarkus.logging.Log.warnf("Could not delete the spooled body %s", file);
        }
    }

    /** Copies the body to {@code out}, at most {@code limit} bytes of it. */
    public void copyAtMost(InputStream body, OutputStream out, long limit) {
        RoutingContext request = currentRequest.getCurrent();
        long idleNanos = config.security().bodyIdleTimeout().toNanos();
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
        long watch = request == null ? -1 : request.vertx().setPeriodic(Math.max(idleNanos / 4_000_000, 50), id -> {
            if (request.response().headWritten()) {
                request.vertx().cancelTimer(id);
            } else if (System.nanoTime() - lastRead.get() >= idleNanos) {
                request.vertx().cancelTimer(id);
                cutStalled(request);
            }
        });
        try (InputStream in = limited(body, limit)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0;) {
                lastRead.set(System.nanoTime());
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UnreadableBody(e);
        } finally {
            if (watch >= 0) {
                request.vertx().cancelTimer(watch);
            }
        }
    }

    private void cutStalled(RoutingContext request) {
        Problem problem = Messages.localise(
                Problem.of(408, "request_timeout", "Request timeout",
                        "the body stopped arriving for " + config.security().bodyIdleTimeout().toSeconds()
                                + " s before it was complete; send it again",
                        request.request().path(), null),
                request.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        request.response().setStatusCode(408).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(Json.encode(problem))
                .onComplete(done -> request.request().connection().close());
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
