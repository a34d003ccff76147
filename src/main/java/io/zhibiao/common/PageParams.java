package io.zhibiao.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters of every list, taken as text so that {@code
 * page=abc} is a 400 naming the parameter rather than JAX-RS's 404 for a failed conversion.
 */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "Page number, from 0", example = "0",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500"))
    String size;

    public PageRequest toRequest(ZhibiaoConfig.Paging config) {
        return PageRequest.of(page, size, config);
    }
}
