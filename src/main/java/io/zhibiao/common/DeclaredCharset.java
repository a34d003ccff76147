package io.zhibiao.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every text body (JSON, CSV, plan text) but a web page is read as UTF-8, so one that declares another charset ({@code charset=latin1},
 * {@code GBK}) is refused with 415 rather than read as something it is not. A charset on a binary type (XLSX) means
 * nothing and is ignored.
 */
public class DeclaredCharset {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        // A web page (a plan published on a portal) is read in the charset it declares, GBK included.
        boolean text = type != null && (type.getType().equals("text") || type.getSubtype().equals("json"))
                && !type.getSubtype().equals("html");
        String charset = text ? type.getParameters().get(MediaType.CHARSET_PARAMETER) : null;
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new UnsupportedMediaType("charset " + charset + " is not accepted; send the body as UTF-8");
        }
    }
}
