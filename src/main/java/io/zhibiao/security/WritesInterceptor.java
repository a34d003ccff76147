package io.zhibiao.security;

import io.zhibiao.common.WriteGate;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The write pipeline's common steps, in one place: the role check of {@link Writes}'s area, then the write gate.
 * Runs inside the method's transaction ({@code @Transactional} intercepts first), so the gate's lock and version bump
 * commit or roll back with the write.
 */
@Writes(Area.ORG_UNITS)
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class WritesInterceptor {

    @Inject
    Access access;

    @Inject
    WriteGate writeGate;

    @AroundInvoke
    Object write(InvocationContext invocation) throws Exception {
        Writes writes = invocation.getMethod().getAnnotation(Writes.class);
        if (writes == null) {
            writes = invocation.getMethod().getDeclaringClass().getAnnotation(Writes.class);
        }
        access.checkWrite(writes.value());
        writeGate.enter();
        return invocation.proceed();
    }
}
