package org.monitorserver.domain.metric;

import static org.monitorserver.domain.FieldLimits.bounded;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;

/**
 * What was measured: the test item as pytest names it. {@code variant} is the node name with its parameters
 * ({@code test_x[1, a]}), empty for module-level rows; {@code component} is empty when the test has none.
 */
@Embeddable
public final class TestItem {

    @Column(name = "item_path", nullable = false, length = FieldLimits.ITEM_PATH)
    private String path;

    @Column(name = "item", nullable = false, length = FieldLimits.ITEM)
    private String name;

    @Column(name = "item_variant", nullable = false, length = FieldLimits.ITEM_VARIANT)
    private String variant;

    @Column(name = "item_fs_loc", nullable = false, length = FieldLimits.ITEM_FS_LOC)
    private String fsLocation;

    @Column(name = "kind", nullable = false, length = FieldLimits.KIND)
    private String kind;

    @Column(name = "component", nullable = false, length = FieldLimits.COMPONENT)
    private String component;

    protected TestItem() {
    }

    public TestItem(String path, String name, String variant, String fsLocation, String kind, String component) {
        this.path = bounded("item_path", path, FieldLimits.ITEM_PATH);
        this.name = bounded("item", name, FieldLimits.ITEM);
        this.variant = bounded("item_variant", variant, FieldLimits.ITEM_VARIANT);
        this.fsLocation = bounded("item_fs_loc", fsLocation, FieldLimits.ITEM_FS_LOC);
        this.kind = bounded("kind", kind, FieldLimits.KIND);
        this.component = bounded("component", component, FieldLimits.COMPONENT);
    }

    public String getPath() {
        return path;
    }

    public String getName() {
        return name;
    }

    public String getVariant() {
        return variant;
    }

    public String getFsLocation() {
        return fsLocation;
    }

    public String getKind() {
        return kind;
    }

    public String getComponent() {
        return component;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestItem other && path.equals(other.path) && name.equals(other.name)
                && variant.equals(other.variant) && fsLocation.equals(other.fsLocation)
                && kind.equals(other.kind) && component.equals(other.component);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, name, variant, component);
    }
}
