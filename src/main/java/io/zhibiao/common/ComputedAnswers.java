package io.zhibiao.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computed read answers (dashboards, progress, rankings), reused until the next committed write. Every key holds the
 * database's data version ({@link WriteGate}), so a write on any replica makes the old answers unreachable everywhere
 * at once: a replica never serves an answer older than the newest commit it can see. The caller's scope is part of
 * the key too, so an answer reused is one the same scope was allowed to compute.
 */
@ApplicationScoped
public class ComputedAnswers {

    private record Key(String kind, String scope, long version, List<Object> parameters) {
    }

    /**
     * Bounded by bytes, not entries: a serialised dashboard of a prefecture is tens of kilobytes, an org unit's view a
     * few hundred bytes, and a count limit would let the first crowd out the heap.
     */
    private final Cache<Key, Object> answers = Caffeine.newBuilder().maximumWeight(64L << 20)
            .weigher((Key key, Object answer) -> answer instanceof byte[] bytes ? bytes.length + 256 : 2_048)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    @Inject
    DataVersion dataVersion;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    /**
     * The answer for these parameters at this data version, computed once per version. {@code parameters} must include
     * everything the answer depends on besides the data (asOf, or the last complete month when asOf is defaulted). A reused
     * answer is given on the event loop; a computation runs on a worker thread ({@link OffEventLoop}).
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> get(String kind, String scope, long version, List<Object> parameters, Callable<T> compute) {
        Key key = new Key(kind, scope == null ? "/" : scope, version, parameters);
        Object known = answers.getIfPresent(key);
        if (known != null) {
            counter(kind, "reused").increment();
            return Uni.createFrom().item((T) known);
        }
        return OffEventLoop.call(() -> {
            counter(kind, "computed").increment();
            T computed = compute.call();
            answers.put(key, computed);
            return computed;
        });
    }

    /**
     * The answer already computed for these parameters at this data version, without computing one: for answers given
     * before the REST layer, which leave every miss to the resource.
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> known(String kind, String scope, long version, List<Object> parameters) {
        Object known = answers.getIfPresent(new Key(kind, scope == null ? "/" : scope, version, parameters));
        if (known != null) {
            counter(kind, "reused").increment();
        }
        return Optional.ofNullable((T) known);
    }

    /** Looked up once per kind and result, not through the registry on every reused answer. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private Counter counter(String kind, String result) {
        return counters.computeIfAbsent(kind + '/' + result,
                k -> registry.counter("zhibiao.answers", "kind", kind, "result", result));
    }

    /**
     * The answer as JSON bytes, computed and serialised once per version: a dashboard polled by many screens is written
     * out from memory, not serialised again for each of them.
     */
    public Uni<byte[]> json(String kind, String scope, long version, List<Object> parameters, Callable<?> compute) {
        return get(kind + ":json", scope, version, parameters, () -> {
            try {
                return mapper.writeValueAsBytes(compute.call());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write the " + kind + " answer", e);
            }
        });
    }

    /**
     * The version answers are keyed by: the last write committed before this call, on any replica. No thread waits
     * for it; many callers share one read ({@link DataVersion}).
     */
    public Uni<Long> version() {
        return OffEventLoop.await(dataVersion::next);
    }

    /** A reused answer, or one computed now, at the current data version. */
    public <T> Uni<T> current(String kind, String scope, List<Object> parameters, Callable<T> compute) {
        return version().chain(version -> get(kind, scope, version, parameters, compute));
    }
}
