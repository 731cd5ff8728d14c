package org.monitorserver.rest.item;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.monitorserver.domain.metric.Resource;

/** The query parameters of {@code GET /api/v1/items/<item>/history}: which resource, pipeline and variant. */
public class HistoryParams {

    @QueryParam("resource")
    @NotNull(message = "missing: memory, cpu, total_time, user_time or kernel_time")
    @Pattern(regexp = "memory|cpu|total_time|user_time|kernel_time",
            message = "must be memory, cpu, total_time, user_time or kernel_time")
    String resource;

    @QueryParam("pipeline")
    @NotNull(message = "missing: the pipeline whose builds make the history")
    @Size(min = 1, message = "must not be empty")
    String pipeline;

    @QueryParam("variant")
    String variant;

    Resource resource() {
        return Resource.fromApiName(resource).orElseThrow();
    }

    String pipeline() {
        return pipeline;
    }

    /** The item variant to keep, or null for every variant of the item. */
    String variant() {
        return variant;
    }
}
