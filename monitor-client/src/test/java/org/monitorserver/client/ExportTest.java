package org.monitorserver.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monitorserver.client.model.Field;
import org.monitorserver.client.model.FieldSelection;
import org.monitorserver.client.model.IsoDateTime;
import org.monitorserver.client.model.Metrics;
import org.monitorserver.client.model.Session;
import org.monitorserver.client.model.Sessions;
import org.monitorserver.client.model.Table;

/** The CSV export of the collections: keep and drop lists, tags expanded into columns, quoting, dates. */
class ExportTest {

    @TempDir
    Path folder;

    @Test
    void keepsOnlyTheFieldsAskedForJoinedWithTheirSession() throws Exception {
        try (Monitor monitor = Monitor.local(ExampleData.write(folder.resolve("e.pymon")))) {
            Metrics metrics = monitor.listSessionMetrics(ExampleData.S1);
            Sessions sessions = monitor.listSessionsFrom(metrics);
            Table table = metrics.toTable(sessions, null, FieldSelection.keep(Field.ITEM, Field.ITEM_VARIANT,
                    Field.MEM_USAGE, Field.RUN_DATE, Field.SCM));
            assertEquals(List.of("item", "item_variant", "mem_usage", "scm", "run_date"), table.columns());
            assertEquals("""
                    item,item_variant,mem_usage,scm,run_date
                    test_login,test_login[admin],41.2,9e1c2f0a4d,2026-11-21T10:15:02.123456
                    test_login,test_login[guest],40.9,9e1c2f0a4d,2026-11-21T10:15:02.123456
                    tests.test_api,,43.5,9e1c2f0a4d,2026-11-21T10:15:02.123456
                    test_put_blob,test_put_blob[1kB],38.0,9e1c2f0a4d,2026-11-21T10:15:02.123456
                    test_put_blob,test_put_blob[1MB],212.6,9e1c2f0a4d,2026-11-21T10:15:02.123456
                    """, table.toCsv());
        }
    }

    @Test
    void expandsTagsIntoColumnsUnlessDropped() throws Exception {
        try (Monitor monitor = Monitor.local(ExampleData.write(folder.resolve("e.pymon")))) {
            Sessions sessions = monitor.listSessions();
            Table all = sessions.toTable(FieldSelection.ALL);
            assertEquals(List.of("h", "scm", "run_date", "pipeline_branch", "pipeline_build_no", "__ci__", "python"),
                    all.columns());
            assertEquals(Arrays.asList(null, null, "3.12"), all.column("python"));
            assertEquals(List.of("412", "413", "7"), all.column("pipeline_build_no"));
            assertEquals(List.of("h", "run_date"), sessions.toTable(FieldSelection.drop(Field.TAGS, Field.SCM))
                    .columns());

            Metrics metrics = monitor.listContextMetrics(ExampleData.C2);
            Table joined = metrics.toTable(sessions, monitor.listContexts(),
                    FieldSelection.drop(Field.ITEM_PATH, Field.ITEM_FS_LOC, Field.SESSION_H, Field.CONTEXT_H));
            assertEquals("tests.test_store", metrics.get(0).itemPath());
            assertEquals(List.of("dev-laptop", "dev-laptop"), joined.column("machine_node"));
            assertEquals(List.of("3.12", "3.12"), joined.column("python"));
            assertEquals(Arrays.asList(null, null), joined.column("cpu_vendor"));
            assertThrows(IllegalArgumentException.class, () -> joined.column("item_path"));
        }
    }

    @Test
    void quotesCellsThatNeedIt() {
        Session odd = new Session("h1", IsoDateTime.parse("2026-01-02"), "a,b", Map.of("note", "say \"hi\""));
        assertEquals("h,scm,run_date,note\nh1,\"a,b\",2026-01-02T00:00:00,\"say \"\"hi\"\"\"\n",
                new Sessions(List.of(odd)).toTable(FieldSelection.ALL).toCsv());
    }

    @Test
    void normalisesDatesAsTheServerWritesThem() {
        assertEquals("2026-11-21T10:15:02", IsoDateTime.format(IsoDateTime.parse("2026-11-21 10:15:02.000000")));
        assertEquals("2026-11-21T09:15:02.500000", IsoDateTime.format(IsoDateTime.parse("2026-11-21T10:15:02.5+01:00")));
        assertEquals("2026-11-21T10:15:02.123456", IsoDateTime.format(IsoDateTime.parse("2026-11-21T10:15:02.1234567Z")));
        assertThrows(IllegalArgumentException.class, () -> IsoDateTime.parse("yesterday"));
    }

    @Test
    void collectionsFilterMergeAndDeduplicate() throws Exception {
        try (Monitor monitor = Monitor.local(ExampleData.write(folder.resolve("e.pymon")))) {
            Metrics all = monitor.listMetrics();
            Metrics login = all.variantsOf("test_login");
            assertEquals(3, login.size());
            assertEquals(9, all.merge(login).size(), "merge drops the duplicates");
            Metrics twice = new Metrics(all.values());
            login.forEach(twice::add);
            assertEquals(12, twice.size());
            assertEquals(all, twice.unique());
            assertEquals(login, Metrics.merge(login, login));
            assertEquals(2, all.filterWith(m -> m.isModule()).size());

            Sessions sessions = monitor.listSessions();
            assertEquals(List.of(ExampleData.S1, ExampleData.S2), sessions.withScm("9e1c2f0a4d").hashes());
            assertEquals(List.of(ExampleData.S3), sessions.withTags("python").hashes());
            assertEquals(List.of(ExampleData.S2), sessions.withTags(List.of("__ci__"), Map.of("pipeline_build_no",
                    "413")).hashes());
            assertEquals(List.of(ExampleData.S3), sessions.filterWith(s -> s.runDate().getDayOfMonth() == 22)
                    .hashes());
        }
    }
}
