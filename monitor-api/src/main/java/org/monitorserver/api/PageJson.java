package org.monitorserver.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of any listing, the envelope of the API document: the listing's parents (when it has any), its rows
 * under the listing's key ({@code metrics}, {@code sessions}, ...), {@code total_page}, and {@code prev_url} and
 * {@code next_url} (server-root paths, or null at either end). Exactly one row list is present; absent keys are
 * left out of the body, the two links never are.
 *
 * @param <T> a row: a record of this package, or a name ({@code String}) for the name listings
 */
@JsonbPropertyOrder({"component", "pipeline", "build", "metrics", "sessions", "contexts", "components",
        "pipelines", "builds", "imports", "runs", "tenants", "users", "keys", "thresholds", "totalPage", "prevUrl", "nextUrl"})
public record PageJson<T>(
        @JsonbProperty("component") @JsonbNillable(false)
        @Schema(description = "The parent component, in a component's listings") String component,
        @JsonbProperty("pipeline") @JsonbNillable(false)
        @Schema(description = "The parent pipeline, in a pipeline's listings") String pipeline,
        @JsonbProperty("build") @JsonbNillable(false)
        @Schema(description = "The parent build, in a build's listings") String build,
        @JsonbProperty("metrics") @JsonbNillable(false)
        @Schema(description = "The rows of a metric listing") List<T> metrics,
        @JsonbProperty("sessions") @JsonbNillable(false)
        @Schema(description = "The rows of a session listing (sessions, or hashes in a build's listing)")
        List<T> sessions,
        @JsonbProperty("contexts") @JsonbNillable(false)
        @Schema(description = "The rows of a context listing") List<T> contexts,
        @JsonbProperty("components") @JsonbNillable(false)
        @Schema(description = "The rows of the component listing") List<T> components,
        @JsonbProperty("pipelines") @JsonbNillable(false)
        @Schema(description = "The rows of a pipeline listing") List<T> pipelines,
        @JsonbProperty("builds") @JsonbNillable(false)
        @Schema(description = "The rows of a build listing, build numbers as text") List<T> builds,
        @JsonbProperty("imports") @JsonbNillable(false)
        @Schema(description = "The rows of the import job listing") List<T> imports,
        @JsonbProperty("runs") @JsonbNillable(false)
        @Schema(description = "The rows of the run listing") List<T> runs,
        @JsonbProperty("tenants") @JsonbNillable(false)
        @Schema(description = "The rows of the tenant listing") List<T> tenants,
        @JsonbProperty("users") @JsonbNillable(false)
        @Schema(description = "The rows of a tenant's user listing") List<T> users,
        @JsonbProperty("keys") @JsonbNillable(false)
        @Schema(description = "The rows of a user's key listing") List<T> keys,
        @JsonbProperty("thresholds") @JsonbNillable(false)
        @Schema(description = "The rows of the component threshold listing") List<T> thresholds,
        @JsonbProperty("total_page") int totalPage,
        @JsonbProperty("prev_url") @JsonbNillable @Schema(nullable = true) String prevUrl,
        @JsonbProperty("next_url") @JsonbNillable @Schema(nullable = true) String nextUrl) {

    /** The key a listing's rows go under. */
    public enum Rows {
        METRICS, SESSIONS, CONTEXTS, COMPONENTS, PIPELINES, BUILDS, IMPORTS, RUNS, TENANTS, USERS, KEYS, THRESHOLDS
    }

    /** The parents a listing names before its rows; null where it has none. */
    public record Parents(String component, String pipeline, String build) {

        /** A top-level listing. */
        public static final Parents NONE = new Parents(null, null, null);
    }

    /** A page of {@code items} under the key {@code rows}. */
    public static <T> PageJson<T> of(Rows rows, List<T> items, Parents parents, int totalPage, String prevUrl,
            String nextUrl) {
        Objects.requireNonNull(items, "items");
        return new PageJson<>(parents.component(), parents.pipeline(), parents.build(),
                rows == Rows.METRICS ? items : null, rows == Rows.SESSIONS ? items : null,
                rows == Rows.CONTEXTS ? items : null, rows == Rows.COMPONENTS ? items : null,
                rows == Rows.PIPELINES ? items : null, rows == Rows.BUILDS ? items : null,
                rows == Rows.IMPORTS ? items : null, rows == Rows.RUNS ? items : null,
                rows == Rows.TENANTS ? items : null,
                rows == Rows.USERS ? items : null, rows == Rows.KEYS ? items : null,
                rows == Rows.THRESHOLDS ? items : null, totalPage, prevUrl, nextUrl);
    }

    /** The rows of this page, whichever key they came under; empty when none did. */
    public List<T> rows() {
        return Stream.of(metrics, sessions, contexts, components, pipelines, builds, imports, runs, tenants, users, keys,
                thresholds).filter(Objects::nonNull)
                .findFirst().orElse(List.of());
    }
    /** The type {@code PageJson<row>}, to bind or write a page by its row type (a record has no subclass to capture it). */
    public static ParameterizedType typeOf(Type row) {
        return new PageType(Objects.requireNonNull(row, "row"));
    }

    private record PageType(Type row) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {row};
        }

        @Override
        public Type getRawType() {
            return PageJson.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }
}
