package io.zhibiao.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current request, set once by {@link BearerAuthFilter} from {@link Authenticator} (or by a start-up task).
 */
@RequestScoped
public class CallerContext {

    private Caller caller;

    public void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no caller: the request was not authenticated");
        }
        return caller;
    }
}
