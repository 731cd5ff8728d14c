package org.monitorserver.bench;

import java.util.List;

/** One measured row of the report: a name, how many connections send, and the requests they send round-robin. */
record Scenario(String name, int connections, List<Request> requests) {

    /** Each distinct GET path once, in first-seen order: what the pre-flight check calls. */
    List<String> distinctPaths() {
        return requests.stream().filter(r -> r.method().equals("GET")).map(Request::path).distinct().toList();
    }
}
