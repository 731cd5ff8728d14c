package org.monitorserver.bench;

import java.util.HashSet;
import java.util.List;

/**
 * One measured row of the report: a name, how many clients send, the requests they send round-robin, the answers
 * that count as right, and whether a client keeps its connection or opens one per request.
 */
record Scenario(String name, int connections, List<Request> requests, LoadGenerator.Expected expected,
        LoadGenerator.Connections connectionMode) {

    /** Requests answered 200, 201 or 204 on keep-alive connections: what most scenarios send. */
    Scenario(String name, int connections, List<Request> requests) {
        this(name, connections, requests, LoadGenerator.Expected.SUCCESS, LoadGenerator.Connections.KEEP_ALIVE);
    }

    /** The first GET request of each distinct path, in first-seen order: what the pre-flight check sends. */
    List<Request> distinctGets() {
        var paths = new HashSet<String>();
        return requests.stream().filter(r -> r.method().equals("GET")).filter(r -> paths.add(r.path())).toList();
    }

    /** The same requests with one more header each (credentials). */
    Scenario withHeader(String name, String value) {
        return new Scenario(this.name, connections, requests.stream().map(r -> r.withHeader(name, value)).toList(),
                expected, connectionMode);
    }

    /** The same scenario under another name (a pass of its own in the report). */
    Scenario named(String newName) {
        return new Scenario(newName, connections, requests, expected, connectionMode);
    }
}
