package org.monitorserver.rest.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Route templates as the request meters name them: the OpenAPI spelling, without parameters' expressions. */
class RequestMetersTest {

    @Path("sessions")
    static class Sessions {
        @GET
        public void list() {
        }

        @GET
        @Path("{h}/metrics/")
        public void metrics() {
        }

        @GET
        @Path("/{item : .+}")
        public void item() {
        }
    }

    @Path("/")
    static class Root {
        @GET
        @Path("health")
        public void health() {
        }
    }

    private static String template(Class<?> type, String method) throws NoSuchMethodException {
        Method found = type.getMethod(method);
        return RequestMeters.template(new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return found;
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        });
    }

    @Test
    void templatesJoinTheClassAndMethodPaths() throws Exception {
        assertEquals("/api/v1/sessions", template(Sessions.class, "list"));
        assertEquals("/api/v1/sessions/{h}/metrics", template(Sessions.class, "metrics"));
        assertEquals("/api/v1/sessions/{item}", template(Sessions.class, "item"));
        assertEquals("/api/v1/health", template(Root.class, "health"));
    }
}
