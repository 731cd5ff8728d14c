package org.monitorserver.client.model;

import java.util.List;

/** Execution contexts keyed by hash, in the order they were added (for listings: arrival order). */
public final class Contexts extends HashKeyed<Context, Contexts> {

    /** An empty collection. */
    public Contexts() {
        this(List.of());
    }

    /** A collection of {@code contexts}, in their order. */
    public Contexts(Iterable<Context> contexts) {
        super(contexts, Context::h, Contexts::new);
    }

    /** The export: {@code h} and the machine's fields. */
    public Table toTable(FieldSelection selection) {
        Columns<Context> columns = new Columns<Context>(selection).add(Field.H, Context::h);
        return Metrics.contextColumns(columns, c -> c).table(values());
    }
}
