package io.zhibiao.common;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * Holds every JSON body to {@code zhibiao.security.max-body-bytes} while it is read, so a body sent in chunks (without
 * Content-Length, which {@code EdgeGuards} checks up front) is cut at the limit with a 413 instead of being buffered
 * whole. Operations that take the raw stream (imports, extractions) apply their own limit as they read.
 */
@Provider
public class BodyLimit implements ReaderInterceptor {

    // Providers are created while the application starts, before configuration mappings can be injected.
    @Inject
    Instance<ZhibiaoConfig> config;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() != InputStream.class) {
            context.setInputStream(Bodies.limited(context.getInputStream(), config.get().security().maxBodyBytes()));
        }
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // Jackson wraps what the stream throws in its own mapping exception; the limit is the real answer.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PayloadTooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            throw e;
        }
    }
}
