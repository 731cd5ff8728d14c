package org.monitorserver.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/v1/metrics/, /api/v1/metrics",
        "/api/v1/sessions/abc/, /api/v1/sessions/abc",
        "/api/v1//metrics, /api/v1/metrics",
        "//api/v1///sessions//, /api/v1/sessions",
        "/api/v1/api/v1/metrics, /api/v1/metrics",
        "/api/v1/api/v1/metrics/, /api/v1/metrics",
        "/api/v1//api/v1/sessions, /api/v1/sessions",
        "/api/v1/api/v1, /api/v1",
        "/api/v1/api/v1/, /api/v1",
        "/api/v1/api/v1/api/v1/metrics, /api/v1/metrics",
        "/api/v1/api/v1/api/v1, /api/v1",
        "/api/v1/, /api/v1",
        "//, /"})
    void canonicalForm(String path, String canonical) {
        assertEquals(canonical, RequestPaths.canonical(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1", "/api/v1/metrics", "/api/v1/sessions/3a5b9c/metrics",
            "/api/v1/sessions/api/v1", "/api/v1/api/v1x", "/api/v2/api/v2/metrics"})
    void canonicalPathsAreUnchanged(String path) {
        assertEquals(path, RequestPaths.canonical(path));
    }
}
