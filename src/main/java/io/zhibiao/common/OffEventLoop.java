package io.zhibiao.common;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The two moves of a read served on the event loop ({@link ComputedAnswers}): waiting for something without holding a
 * thread, and running blocking work (JDBC, Hibernate) on a worker thread with the request's own CDI request context,
 * so that the caller and the request's session are the ones a blocking resource would have seen. On a worker thread
 * already, the work runs where it is.
 */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    /** Runs {@code work} on a worker thread; the answer continues on the request's event loop. */
    public static <T> Uni<T> call(Callable<T> work) {
        if (BlockingOperationControl.isBlockingAllowed()) {
            try {
                return Uni.createFrom().item(work.call());
            } catch (Exception e) {
                return Uni.createFrom().failure(e);
            }
        }
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState request = requests.getStateIfActive();
        return VertxContextSupport.executeBlocking(() -> {
            if (request == null || requests.isActive()) {
                return work.call();
            }
            requests.activate(request);
            try {
                return work.call();
            } finally {
                requests.deactivate();
            }
        });
    }

    /**
     * The stage's result, delivered on the caller's Vert.x context rather than on whichever thread completed it (the
     * data-version reader must not run the rest of the request). A request cancelled meanwhile (its client went away)
     * just stops listening: the stage is not cancelled, and its late result is dropped without a word.
     */
    public static <T> Uni<T> await(Supplier<? extends CompletionStage<T>> stage) {
        Context context = Vertx.currentContext();
        // The hop back is made here rather than with emitOn: one operator less per request.
        return Uni.createFrom().emitter(emitter -> stage.get().whenComplete((item, failure) -> {
            Runnable deliver = () -> {
                if (failure != null) {
                    emitter.fail(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure);
                } else {
                    emitter.complete(item);
                }
            };
            if (context == null) {
                deliver.run();
            } else {
                context.runOnContext(ignored -> deliver.run());
            }
        }));
    }
}
