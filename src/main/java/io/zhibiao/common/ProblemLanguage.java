package io.zhibiao.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers every problem (and the row messages of an import summary) in the caller's language: English by default,
 * Chinese for {@code Accept-Language: zh-CN} ({@link Messages}). The one place where language is decided for the
 * answers of the REST layer; the answers given before it (EdgeGuards, a stalled upload) call {@link Messages} too.
 */
public class ProblemLanguage {

    @ServerResponseFilter
    public void localise(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (!(entity instanceof Problem) && !(entity instanceof ImportSummary)) {
            return;
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (!Messages.wantsChinese(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))) {
            return;
        }
        if (entity instanceof Problem problem) {
            response.setEntity(Messages.chinese().translate(problem));
        } else {
            response.setEntity(Messages.chinese().translate((ImportSummary) entity));
        }
        response.getHeaders().add(HttpHeaders.CONTENT_LANGUAGE, "zh-CN");
    }
}
