package org.monitorserver.persistence.run;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.monitorserver.domain.run.Run;
import org.monitorserver.domain.run.Run.Processing;
import org.monitorserver.persistence.UtcClock;

/**
 * The leases of run jobs (object-store finishes), each change one conditional UPDATE, so that of several servers
 * sharing the database exactly one claims a job and a server whose lease was taken over can no longer end it.
 */
@Stateless
public class RunJobs {

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /** Ids of up to {@code limit} runs whose job a server may claim: queued, or running with an expired lease. */
    public List<Long> claimable(int limit) {
        return em.createNamedQuery(Run.FIND_CLAIMABLE, Long.class).setParameter("queued", Processing.QUEUED)
                .setParameter("running", Processing.RUNNING).setParameter("now", UtcClock.now())
                .setMaxResults(limit).getResultList();
    }

    /** Claims run {@code id}'s job for {@code owner} if it is still claimable; of racing servers, one wins. */
    public boolean claim(long id, String owner, Duration lease) {
        LocalDateTime now = UtcClock.now();
        return em.createNamedQuery(Run.CLAIM).setParameter("running", Processing.RUNNING)
                .setParameter("queued", Processing.QUEUED).setParameter("owner", owner)
                .setParameter("expires", now.plus(lease)).setParameter("now", now).setParameter("id", id)
                .executeUpdate() == 1;
    }

    /** Extends {@code owner}'s lease on run {@code id}'s job; false when it was lost or the job ended. */
    public boolean renew(long id, String owner, Duration lease) {
        return em.createNamedQuery(Run.RENEW).setParameter("expires", UtcClock.now().plus(lease))
                .setParameter("id", id).setParameter("running", Processing.RUNNING).setParameter("owner", owner)
                .executeUpdate() == 1;
    }
}
