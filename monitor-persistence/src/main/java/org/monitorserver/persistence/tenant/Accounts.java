package org.monitorserver.persistence.tenant;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.monitorserver.domain.count.RowCount;
import org.monitorserver.domain.tenant.Role;
import org.monitorserver.domain.tenant.Tenant;
import org.monitorserver.domain.tenant.User;
import org.monitorserver.persistence.ConflictException;
import org.monitorserver.persistence.HashIdentifiedWriter;
import org.monitorserver.persistence.Page;
import org.monitorserver.persistence.PageQuery;
import org.monitorserver.persistence.PageRequest;
import org.monitorserver.persistence.UtcClock;

/**
 * Tenants and their users: created, listed, found by name, and users disabled or enabled again. Who may call what
 * is decided by the admin routes ({@code Caller}); names are checked by the entities.
 */
@Stateless
public class Accounts {


    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @PersistenceContext(unitName = "monitor")
    private EntityManager em;

    /**
     * A new tenant named {@code name}.
     *
     * @throws ConflictException when a tenant of that name exists
     */
    public Tenant createTenant(String name) {
        if (findTenant(name).isPresent()) {
            throw new ConflictException("tenant " + name + " exists");
        }
        var tenant = new Tenant(name, UtcClock.now());
        persist(tenant, "tenant " + name + " exists");
        // Every write adds to the tenant's count shards, which must exist first.
        RowCount.forNewTenant(tenant.getId()).forEach(em::persist);
        LOG.info(() -> "Tenant " + name + " created (id " + tenant.getId() + ")");
        return tenant;
    }

    /** The tenant named {@code name}. */
    public Optional<Tenant> findTenant(String name) {
        return em.createNamedQuery(Tenant.FIND_BY_NAME, Tenant.class).setParameter("name", name).getResultStream()
                .findFirst();
    }

    /** Tenant {@code id}. */
    public Optional<Tenant> findTenant(long id) {
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    /** All tenants by name. */
    public Page<Tenant> listTenants(PageRequest request) {
        return PageQuery.fetch(em.createNamedQuery(Tenant.FIND_ALL, Tenant.class),
                em.createNamedQuery(Tenant.COUNT_ALL, Long.class), request);
    }

    /**
     * A new, enabled user of tenant {@code tenant}.
     *
     * @throws ConflictException when the tenant has a user of that name
     */
    public User createUser(long tenant, String name, Role role) {
        if (findUser(tenant, name).isPresent()) {
            throw new ConflictException("user " + name + " exists");
        }
        var user = new User(tenant, name, role, UtcClock.now());
        persist(user, "user " + name + " exists");
        LOG.info(() -> "User " + name + " of tenant " + tenant + " created as " + role.wireName());
        return user;
    }

    /** The user of {@code tenant} named {@code name}. */
    public Optional<User> findUser(long tenant, String name) {
        return em.createNamedQuery(User.FIND_BY_TENANT_AND_NAME, User.class).setParameter("tenant", tenant)
                .setParameter("name", name).getResultStream().findFirst();
    }

    /** The users of {@code tenant} by name. */
    public Page<User> listUsers(long tenant, PageRequest request) {
        return PageQuery.fetch(em.createNamedQuery(User.FIND_BY_TENANT, User.class).setParameter("tenant", tenant),
                em.createNamedQuery(User.COUNT_BY_TENANT, Long.class).setParameter("tenant", tenant), request);
    }

    /** Disables (all of whose keys then stop working) or enables user {@code user}; answers the user as stored. */
    public User setDisabled(User user, boolean disabled) {
        em.createNamedQuery(User.DISABLE).setParameter("disabled", disabled).setParameter("id", user.getId())
                .executeUpdate();
        LOG.info(() -> "User " + user.getName() + " of tenant " + user.getTenantId()
                + (disabled ? " disabled" : " enabled"));
        return em.find(User.class, user.getId(), Map.of("eclipselink.refresh", "true"));
    }

    private void persist(Object entity, String conflict) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            // A concurrent create of the same name won the race.
            if (HashIdentifiedWriter.isUniqueViolation(e)) {
                throw new ConflictException(conflict);
            }
            throw e;
        }
    }

}
