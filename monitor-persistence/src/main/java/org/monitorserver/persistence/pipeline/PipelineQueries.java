package org.monitorserver.persistence.pipeline;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.monitorserver.domain.pipeline.Build;
import org.monitorserver.domain.pipeline.Pipeline;
import org.monitorserver.domain.session.Session;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;

/**
 * Pipelines, their builds and each build's sessions. Values are the tags as text, whatever JSON type was
 * posted; empty values are neither pipelines nor builds. Lists of names are sorted by name and read from the
 * maintained lists; sessions come in arrival order. The per-component forms keep only pipelines, builds and
 * sessions that have metrics of that component: pipelines and builds are still read from the maintained lists,
 * each probed for one such session.
 */
@Stateless
public class PipelineQueries {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    public Page<String> findPipelines(long tenant, PageRequest request) {
        return PageQuery.fetch(strings(Pipeline.FIND_BY_TENANT, tenant), counter(Pipeline.COUNT_BY_TENANT, tenant),
                request);
    }

    public Page<String> findBuilds(long tenant, String pipeline, PageRequest request) {
        return PageQuery.fetch(strings(Build.FIND_BY_PIPELINE, tenant).setParameter("pipeline", pipeline),
                counter(Build.COUNT_BY_PIPELINE, tenant).setParameter("pipeline", pipeline), request);
    }

    /** A pipeline's builds, newest first by their earliest session's run date. */
    public Page<String> findRecentBuilds(long tenant, String pipeline, PageRequest request) {
        return PageQuery.fetch(strings(Build.FIND_BY_PIPELINE_NEWEST_FIRST, tenant).setParameter("pipeline", pipeline),
                counter(Build.COUNT_BY_PIPELINE, tenant).setParameter("pipeline", pipeline), request);
    }

    /** The hashes of a build's sessions. */
    public Page<String> findBuildSessions(long tenant, String pipeline, String build, PageRequest request) {
        return PageQuery.fetch(
                strings(Session.FIND_HASHES_BY_BUILD, tenant).setParameter("pipeline", pipeline)
                        .setParameter("build", build),
                counter(Session.COUNT_BY_BUILD, tenant).setParameter("pipeline", pipeline)
                        .setParameter("build", build),
                request);
    }

    public Page<String> findPipelinesOfComponent(long tenant, String component, PageRequest request) {
        return PageQuery.fetch(
                strings(Pipeline.FIND_BY_COMPONENT, tenant).setParameter("component", component),
                counter(Pipeline.COUNT_BY_COMPONENT, tenant).setParameter("component", component),
                request);
    }

    public Page<String> findBuildsOfComponent(long tenant, String component, String pipeline,
            PageRequest request) {
        return PageQuery.fetch(
                strings(Build.FIND_BY_COMPONENT_AND_PIPELINE, tenant).setParameter("component", component)
                        .setParameter("pipeline", pipeline),
                counter(Build.COUNT_BY_COMPONENT_AND_PIPELINE, tenant).setParameter("component", component)
                        .setParameter("pipeline", pipeline),
                request);
    }

    /** The hashes of a build's sessions that have metrics of {@code component}. */
    public Page<String> findBuildSessionsOfComponent(long tenant, String component, String pipeline, String build,
            PageRequest request) {
        return PageQuery.fetch(
                strings(Session.FIND_HASHES_BY_COMPONENT_AND_BUILD, tenant).setParameter("component", component)
                        .setParameter("pipeline", pipeline).setParameter("build", build),
                counter(Session.COUNT_BY_COMPONENT_AND_BUILD, tenant).setParameter("component", component)
                        .setParameter("pipeline", pipeline).setParameter("build", build),
                request);
    }

    private TypedQuery<String> strings(String name, long tenant) {
        return em.createNamedQuery(name, String.class).setParameter("tenant", tenant);
    }

    private TypedQuery<Long> counter(String name, long tenant) {
        return em.createNamedQuery(name, Long.class).setParameter("tenant", tenant);
    }
}
