package org.monitorserver.bench;

import java.util.HashSet;
import java.util.List;

/** One measured row of the report: a name, how many connections send, and the requests they send round-robin. */
record Scenario(String name, int connections, List<Request> requests) {

    /** The first GET request of each distinct path, in first-seen order: what the pre-flight check sends. */
    List<Request> distinctGets() {
        var paths = new HashSet<String>();
        return requests.stream().filter(r -> r.method().equals("GET")).filter(r -> paths.add(r.path())).toList();
    }

    /** The same requests with one more header each (credentials). */
    Scenario withHeader(String name, String value) {
        return new Scenario(this.name, connections, requests.stream().map(r -> r.withHeader(name, value)).toList());
    }
}
