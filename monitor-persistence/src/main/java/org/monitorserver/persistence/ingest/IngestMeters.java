package org.monitorserver.persistence.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import org.monitorserver.persistence.AfterCommits;

/**
 * The ingest meters that operators scrape (Prometheus, through WildFly's micrometer layer): rows stored per way in
 * ({@code monitor_ingest_rows_total{path=...}}, of which Prometheus derives rows per second), the single-metric
 * writer's batch sizes and queue depth. Rows count once their transaction has committed, never for a rollback.
 * Meters are made with the registry's {@code counter/summary/gauge(name, tags)}: WildFly's application registry
 * exports only those, not meters built with a {@code builder}.
 */
@ApplicationScoped
public class IngestMeters {

    /** The ways rows come in. */
    public enum Path {
        /** Single {@code POST /api/v1/metrics/}, through the group-commit writer. */
        SINGLE,
        /** {@code POST /api/v1/metrics/bulk}. */
        BULK,
        /** Metrics of {@code .pymon} imports. */
        IMPORT,
        /** Samples of run finishes. */
        RUN_SAMPLES
    }

    @Inject
    MeterRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<Path, Counter> rows = new EnumMap<>(Path.class);
    private DistributionSummary writerBatches;
    private final List<Gauge> gauges = new CopyOnWriteArrayList<>();

    /** For CDI. */
    public IngestMeters() {
    }

    /** Meters on {@code registry}, counting at once (no transactions): for tests. */
    public IngestMeters(MeterRegistry registry) {
        this.registry = registry;
        start();
    }

    @PostConstruct
    void start() {
        for (Path path : Path.values()) {
            rows.put(path, registry.counter("monitor.ingest.rows", "path", path.name().toLowerCase(Locale.ROOT)));
        }
        writerBatches = registry.summary("monitor.writer.batch.rows");
    }

    /** Counts {@code count} rows stored through {@code path}: now, or when the current transaction commits. */
    public void stored(Path path, long count) {
        Counter counter = rows.get(path);
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            AfterCommits.register(transactions, () -> counter.increment(count));
        } else {
            counter.increment(count);
        }
    }

    /** Records one committed batch of the single-metric writer. */
    public void writerBatch(int size) {
        writerBatches.record(size);
    }

    /**
     * A gauge of {@code source}'s {@code value}, with {@code tags} (name, value, ...). The registry holds
     * {@code source} weakly: the caller keeps it.
     */
    public <T> void gauge(String name, T source, ToDoubleFunction<T> value, String... tags) {
        registry.gauge(name, Tags.of(tags), source, value);
        Gauge registered = registry.find(name).tags(tags).gauge();
        if (registered != null) {
            gauges.add(registered);
        }
    }

    /**
     * Removes this deployment's gauges. WildFly's registry outlives a deployment: a gauge left behind would keep
     * reading the old deployment's objects (NaN once they are collected), and the next deployment's registration
     * would return it instead of a new one. Counters may stay: they only add up.
     */
    @PreDestroy
    void stop() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }
}
