package dev.flexfun.runtime.vector;

import dev.flexfun.runtime.BadArgumentException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The columns one call writes: those named in the {@code columns} hint, in the function's schema
 * order, or all of them when the call gave no hint.
 */
public final class ColumnSelection {
    private final List<Field> fields;

    private ColumnSelection(List<Field> fields) {
        this.fields = fields;
    }

    /**
     * Selects the hinted columns of {@code schema}.
     *
     * @param schema the function's full schema
     * @param hint the call's {@code columns} hint; empty selects every column
     * @return the selection
     * @throws BadArgumentException when the hint names a column the schema does not have
     */
    public static ColumnSelection of(Schema schema, Optional<List<String>> hint) {
        if (hint.isEmpty()) {
            return new ColumnSelection(schema.getFields());
        }
        Set<String> wanted = new HashSet<>(hint.get());
        Set<String> available = new HashSet<>();
        List<Field> selected = new ArrayList<>();
        for (Field field : schema.getFields()) {
            available.add(field.getName());
            if (wanted.contains(field.getName())) {
                selected.add(field);
            }
        }
        List<String> unknown = hint.get().stream().filter(c -> !available.contains(c)).distinct().toList();
        if (!unknown.isEmpty()) {
            String names = schema.getFields().stream().map(Field::getName).collect(Collectors.joining(", "));
            throw new BadArgumentException("Unknown column" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " in parameters.columns; the available columns are: " + names + ".");
        }
        return new ColumnSelection(List.copyOf(selected));
    }

    /** {@return the selected fields, in schema order} */
    public List<Field> fields() {
        return fields;
    }

    /**
     * {@return the schema of the result: the selected fields, in schema order, without metadata}
     * The
     * server adds the call's data-source messages to every result, generated or hand-written.
     */
    public Schema resultSchema() {
        return new Schema(fields);
    }

    /** {@return the names of the selected columns, in schema order: what a {@code @Columns Set<String>} parameter receives} */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Field field : fields) {
            names.add(field.getName());
        }
        return Collections.unmodifiableSet(names);
    }
}
