package io.zhibiao.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service method that writes: {@link WritesInterceptor} checks the caller's role for the area and enters the write
 * gate (which bumps the data version) inside the method's transaction, before the method runs. The method itself
 * checks the unit it writes to ({@code Access.checkWrite(area, unit)}) once it has loaded it, and records its change
 * (a revision, a target change, a submission event) in the same transaction.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Writes {

    /** What the method writes; the caller's role must allow writing it. */
    @Nonbinding
    Area value();
}
