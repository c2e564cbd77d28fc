package dev.flexfun.benchmarks;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A generic writer for any record: reads components through their RecordComponent accessors. */
final class ReflectionWriter {
    private final Method[] accessors;
    private final String[] names;

    ReflectionWriter(Class<? extends Record> type) {
        RecordComponent[] components = type.getRecordComponents();
        accessors = new Method[components.length];
        names = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            names[i] = components[i].getName();
        }
    }

    void write(List<? extends Record> rows, VectorSchemaRoot root, int batchSize, Consumer<VectorSchemaRoot> sink)
            throws ReflectiveOperationException {
        FieldVector[] vectors = new FieldVector[names.length];
        for (int c = 0; c < names.length; c++) {
            vectors[c] = root.getVector(names[c]);
        }
        int index = 0;
        for (Record row : rows) {
            for (int c = 0; c < accessors.length; c++) {
                set(vectors[c], index, accessors[c].invoke(row));
            }
            if (++index == batchSize) {
                root.setRowCount(index);
                sink.accept(root);
                index = 0;
            }
        }
        if (index > 0) {
            root.setRowCount(index);
            sink.accept(root);
        }
    }

    private static void set(FieldVector vector, int index, Object value) {
        if (value == null) {
            vector.setNull(index);
        } else if (vector instanceof VarCharVector v) {
            v.setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof BitVector v) {
            v.setSafe(index, (Boolean) value ? 1 : 0);
        } else if (vector instanceof Float8Vector v) {
            v.setSafe(index, (Double) value);
        } else if (vector instanceof BigIntVector v) {
            v.setSafe(index, (Long) value);
        } else {
            throw new IllegalArgumentException("unsupported vector " + vector.getClass().getSimpleName());
        }
    }
}
