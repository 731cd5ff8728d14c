package org.monitorserver.client.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** Metrics as a list, in the order they came (for listings: the server's order). Duplicates are allowed. */
public final class Metrics implements Iterable<Metric> {

    private final List<Metric> list = new ArrayList<>();

    /** An empty collection. */
    public Metrics() {
    }

    /** A collection of {@code metrics}, in their order. */
    public Metrics(Iterable<Metric> metrics) {
        metrics.forEach(list::add);
    }

    /** Appends {@code metric}; returns it. */
    public Metric add(Metric metric) {
        list.add(metric);
        return metric;
    }

    /** The metric at {@code index}. */
    public Metric get(int index) {
        return list.get(index);
    }

    /** The metrics, in order. */
    public List<Metric> values() {
        return List.copyOf(list);
    }

    /** How many metrics are here. */
    public int size() {
        return list.size();
    }

    /** Whether there is none. */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    @Override
    public Iterator<Metric> iterator() {
        return values().iterator();
    }

    /** A new collection of the metrics that pass {@code condition}, in order. */
    public Metrics filterWith(Predicate<Metric> condition) {
        return new Metrics(list.stream().filter(condition).toList());
    }

    /** A new collection without duplicates: the first of equal metrics stays, in its place. */
    public Metrics unique() {
        return new Metrics(new LinkedHashSet<>(list));
    }

    /** This collection then {@code other}, without duplicates. */
    public Metrics merge(Metrics other) {
        return merge(this, other);
    }

    /** {@code first} then {@code second}, without duplicates (the reference's static {@code merge}). */
    public static Metrics merge(Metrics first, Metrics second) {
        LinkedHashSet<Metric> all = new LinkedHashSet<>(first.list);
        all.addAll(second.list);
        return new Metrics(all);
    }

    /** The metrics of any variant of test {@code item}: those whose item is exactly {@code item}. */
    public Metrics variantsOf(String item) {
        return filterWith(m -> m.item().equals(item));
    }

    /** The session hashes these metrics refer to, each once, in order of first use. */
    public List<String> sessionHashes() {
        return list.stream().map(Metric::sessionH).distinct().toList();
    }

    /** The context hashes these metrics refer to, each once, in order of first use. */
    public List<String> contextHashes() {
        return list.stream().map(Metric::contextH).distinct().toList();
    }

    /** The export of the metric fields alone. */
    public Table toTable(FieldSelection selection) {
        return toTable(null, null, selection);
    }

    /**
     * The export of the metrics joined with their session's fields (when {@code sessions} is given: {@code scm},
     * {@code run_date} and one column per tag) and their context's (when {@code contexts} is given), as the
     * reference's {@code Metrics.to_df(sessions, contexts, keep, drop)}. A metric whose session or context is
     * not in the collection given has empty cells there.
     */
    public Table toTable(Sessions sessions, Contexts contexts, FieldSelection selection) {
        Columns<Metric> columns = new Columns<Metric>(selection)
                .add(Field.SESSION_H, Metric::sessionH)
                .add(Field.CONTEXT_H, Metric::contextH)
                .add(Field.ITEM_START_TIME, m -> IsoDateTime.format(m.startTime()))
                .add(Field.ITEM_PATH, Metric::itemPath)
                .add(Field.ITEM, Metric::item)
                .add(Field.ITEM_VARIANT, Metric::variant)
                .add(Field.ITEM_FS_LOC, Metric::path)
                .add(Field.KIND, Metric::kind)
                .add(Field.COMPONENT, Metric::component)
                .add(Field.TOTAL_TIME, Metric::totalTime)
                .add(Field.USER_TIME, Metric::userTime)
                .add(Field.KERNEL_TIME, Metric::kernelTime)
                .add(Field.CPU_USAGE, Metric::cpuUsage)
                .add(Field.MEM_USAGE, Metric::memUsage);
        if (sessions != null) {
            Function<Metric, Optional<Session>> session = m -> sessions.get(m.sessionH());
            List<Session> used = sessionHashes().stream().map(sessions::get).flatMap(Optional::stream).toList();
            columns.add(Field.SCM, m -> session.apply(m).map(Session::scm).orElse(null))
                    .add(Field.RUN_DATE, m -> session.apply(m).map(s -> IsoDateTime.format(s.runDate())).orElse(null))
                    .addTags(used, m -> session.apply(m).map(Session::tags).orElse(Map.of()));
        }
        if (contexts != null) {
            contextColumns(columns, m -> contexts.get(m.contextH()).orElse(null));
        }
        return columns.table(list);
    }

    /** Adds the machine's columns, read from the context that {@code context} finds for a row (or null). */
    static <T> Columns<T> contextColumns(Columns<T> columns, Function<T, Context> context) {
        return columns
                .add(Field.CPU_COUNT, row -> read(context.apply(row), Context::cpuCount))
                .add(Field.CPU_FREQUENCY_MHZ, row -> read(context.apply(row), Context::cpuFrequency))
                .add(Field.CPU_TYPE, row -> read(context.apply(row), Context::cpuType))
                .add(Field.CPU_VENDOR, row -> read(context.apply(row), Context::cpuVendor))
                .add(Field.RAM_TOTAL_MB, row -> read(context.apply(row), Context::ramTotal))
                .add(Field.MACHINE_NODE, row -> read(context.apply(row), Context::machineNode))
                .add(Field.MACHINE_TYPE, row -> read(context.apply(row), Context::machineType))
                .add(Field.MACHINE_ARCH, row -> read(context.apply(row), Context::machineArch))
                .add(Field.SYSTEM_INFO, row -> read(context.apply(row), Context::systemInfo))
                .add(Field.PYTHON_INFO, row -> read(context.apply(row), Context::pythonInfo));
    }

    private static Object read(Context context, Function<Context, Object> value) {
        return context == null ? null : value.apply(context);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Metrics that && list.equals(that.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return "Metrics(" + list.size() + ")";
    }
}
