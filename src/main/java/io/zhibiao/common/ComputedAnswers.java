package io.zhibiao.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

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
     * The answer for these parameters at the current data version, computed once per version. {@code parameters} must
     * include everything the answer depends on besides the data (asOf, or the current month when asOf is defaulted).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String kind, String scope, long version, List<Object> parameters, Supplier<T> compute) {
        Key key = new Key(kind, scope == null ? "/" : scope, version, parameters);
        Object known = answers.getIfPresent(key);
        if (known != null) {
            registry.counter("zhibiao.answers", "kind", kind, "result", "reused").increment();
            return (T) known;
        }
        registry.counter("zhibiao.answers", "kind", kind, "result", "computed").increment();
        T computed = compute.get();
        answers.put(key, computed);
        return computed;
    }

    /**
     * The answer as JSON bytes, computed and serialised once per version: a dashboard polled by many screens is written
     * out from memory, not serialised again for each of them.
     */
    public byte[] json(String kind, String scope, long version, List<Object> parameters, Supplier<?> compute) {
        return get(kind + ":json", scope, version, parameters, () -> {
            try {
                return mapper.writeValueAsBytes(compute.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("could not write the " + kind + " answer", e);
            }
        });
    }

    /** The version answers are keyed by: the last write committed before this call, on any replica. */
    public long version() {
        return dataVersion.current();
    }
}
