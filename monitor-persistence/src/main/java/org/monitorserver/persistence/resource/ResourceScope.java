package org.monitorserver.persistence.resource;

/**
 * Which metrics a ranking considers: all, one component's, one pipeline's or one build's (through the
 * metric's session).
 *
 * @param component the component, or null
 * @param pipeline the pipeline, or null
 * @param build the build within {@code pipeline}, or null
 */
public record ResourceScope(String component, String pipeline, String build) {

    public static ResourceScope all() {
        return new ResourceScope(null, null, null);
    }

    public static ResourceScope component(String component) {
        return new ResourceScope(component, null, null);
    }

    public static ResourceScope pipeline(String pipeline) {
        return new ResourceScope(null, pipeline, null);
    }

    public static ResourceScope build(String pipeline, String build) {
        return new ResourceScope(null, pipeline, build);
    }
}
