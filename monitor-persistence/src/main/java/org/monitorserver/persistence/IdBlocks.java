package org.monitorserver.persistence;

import java.util.List;
import java.util.function.Supplier;

/**
 * How the rows of a listing in id order spread over fixed blocks of ids: the maintained rows per block (see
 * {@code MetricBlock}). A deep page uses them to start reading at the block that holds its first row, skipping only
 * that block's rows before it instead of every row of the listing before it.
 */
public final class IdBlocks {

    /**
     * Rows that a page skips by {@code OFFSET} before a seek pays off: reading the block counts costs about as much
     * as skipping a couple of thousand index entries.
     */
    public static final long SEEK_PAST = 2_000;

    /** Where to read from: the id bound and the rows of the listing still to skip from there. */
    public record Start(long id, long skip) {
    }

    private final long idsPerBlock;
    private final Supplier<List<long[]>> ascending;

    /**
     * @param idsPerBlock ids per block: block {@code b} holds ids {@code b * idsPerBlock} to
     *        {@code (b + 1) * idsPerBlock - 1}
     * @param ascending the listing's {@code [block, rows]} in block order, read only if a page needs a seek
     */
    public IdBlocks(long idsPerBlock, Supplier<List<long[]>> ascending) {
        this.idsPerBlock = idsPerBlock;
        this.ascending = ascending;
    }

    /**
     * Where a listing read in id order starts to skip {@code skip} rows: the first id of the block holding the
     * row after them ({@code id >= start.id}), and how many rows of that block come before it. Without a seek
     * (few rows to skip, or counts that no longer cover {@code skip} because rows arrived meanwhile) the bound is
     * the lowest id and every row is skipped by offset.
     */
    public Start forward(long skip) {
        if (skip > SEEK_PAST) {
            long before = 0;
            for (long[] block : ascending.get()) {
                if (before + block[1] > skip) {
                    return new Start(block[0] * idsPerBlock, skip - before);
                }
                before += block[1];
            }
        }
        return new Start(Long.MIN_VALUE, skip);
    }

    /**
     * The same from the other end, for a listing read newest first: an exclusive upper bound
     * ({@code id < start.id}) just past the block holding the row after the {@code skip} newest ones.
     */
    public Start backward(long skip) {
        if (skip > SEEK_PAST) {
            List<long[]> blocks = ascending.get();
            long after = 0;
            for (int i = blocks.size() - 1; i >= 0; i--) {
                long[] block = blocks.get(i);
                if (after + block[1] > skip) {
                    return new Start((block[0] + 1) * idsPerBlock, skip - after);
                }
                after += block[1];
            }
        }
        return new Start(Long.MAX_VALUE, skip);
    }
}
