package io.zhibiao.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code {items, page, size, total}}. */
public record PageResult<T>(@Schema(required = true) List<T> items, @Schema(required = true) int page,
        @Schema(required = true) int size, @Schema(required = true) long total) {

    public <R> PageResult<R> map(Function<? super T, R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }

    /**
     * Pages a list that was filtered in memory (filters that need computed values, such as status).
     */
    public static <T> PageResult<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min((long) request.page() * request.size(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new PageResult<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size());
    }
}
