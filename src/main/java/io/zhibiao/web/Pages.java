package io.zhibiao.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * The screens people use — 看板 at /board, 填报 at /entry, 规划 at /plans/review, and the set-up pages 组织机构, 指标库,
 * 目标 and 令牌 under /setup/, 报告 at /reports and 设置 (alerts) at /settings — are static files under
 * META-INF/resources that call the public API with the token kept in the browser's sessionStorage; this class gives
 * them their short addresses and the headers every page carries. There is no server-side rendering and no second
 * source of truth: a page shows what the API answers to its token.
 */
@ApplicationScoped
public class Pages {

    private static final Map<String, String> ADDRESSES = Map.of("/board", "/board.html", "/entry", "/entry.html",
            "/review", "/audit.html", "/plans/review", "/review.html", "/setup/units", "/units.html",
            "/setup/indicators", "/indicators.html", "/setup/targets", "/targets.html", "/setup/tokens", "/tokens.html",
            "/reports", "/reports.html", "/settings", "/settings.html");

    /**
     * No inline script or style and nothing from another origin: a plan text or a unit name that contains markup can
     * never run, even if a page forgot to treat it as text.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        ADDRESSES.forEach((address, file) -> router.get(address).order(-50).handler(ctx -> ctx.reroute(file)));
        router.route().order(-99).handler(ctx -> {
            String path = ctx.request().path();
            if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
                ctx.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer")
                        .putHeader("X-Frame-Options", "DENY");
            }
            ctx.next();
        });
    }
}
