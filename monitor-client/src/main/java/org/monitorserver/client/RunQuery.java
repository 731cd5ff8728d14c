package org.monitorserver.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of a run listing ({@link Monitor#listRuns}), each null for "any": exact project, job, stage and team
 * names, the status ({@code running}, {@code finished}, {@code failed}), and a registration time range
 * ({@code start} inclusive, {@code end} exclusive; ISO 8601 or epoch seconds).
 */
public record RunQuery(String project, String job, String stage, String team, String status, String start,
        String end) {

    /** Every run. */
    public static final RunQuery ALL = new RunQuery(null, null, null, null, null, null, null);

    /** The runs of project {@code project}. */
    public static RunQuery ofProject(String project) {
        return new RunQuery(project, null, null, null, null, null, null);
    }

    /** The query parameters of the filters that are set, in the route's names. */
    public Map<String, String> parameters() {
        var parameters = new LinkedHashMap<String, String>();
        put(parameters, "project", project);
        put(parameters, "job", job);
        put(parameters, "stage", stage);
        put(parameters, "team", team);
        put(parameters, "status", status);
        put(parameters, "start", start);
        put(parameters, "end", end);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
