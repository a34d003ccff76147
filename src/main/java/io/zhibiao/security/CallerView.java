package io.zhibiao.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the caller is: what the pages show beside 退出 and where their unit pickers start. */
@Schema(name = "CallerView", description = "The caller as the service sees it: name, role and scope root.")
public record CallerView(@Schema(example = "qinghe-no1-clerk") String name, @Schema(example = "CLERK") Role role,
        @Schema(description = "Code of the scope root; null for the whole tree", example = "qinghe-no1-middle",
                nullable = true) String orgUnitCode) {

    static CallerView of(Caller caller) {
        String path = caller.scopePath();
        if (path == null) {
            return new CallerView(caller.name(), caller.role(), null);
        }
        String[] codes = path.substring(1, path.length() - 1).split("/");
        return new CallerView(caller.name(), caller.role(), codes[codes.length - 1]);
    }
}
