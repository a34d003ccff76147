package io.zhibiao.common;

/** Validated {@code page}/{@code size} query parameters. */
public record PageRequest(int page, int size) {

    public static PageRequest of(String pageText, String sizeText, ZhibiaoConfig.Paging config) {
        Integer page = Params.integer("page", pageText);
        Integer size = Params.integer("size", sizeText);
        int p = page == null ? 0 : page;
        int s = size == null ? config.defaultSize() : size;
        if (p < 0) {
            throw new ValidationFailed("page", "must be 0 or more (pages are counted from 0)");
        }
        if (s < 1 || s > config.maxSize()) {
            throw new ValidationFailed("size", "must be between 1 and " + config.maxSize());
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            // The first row of the page must be addressable; a page that far out is a mistake, not an empty page.
            throw new ValidationFailed("page", "page × size must be at most " + Integer.MAX_VALUE + "; with size " + s
                    + " the last page is " + Integer.MAX_VALUE / s);
        }
        return new PageRequest(p, s);
    }
}
