package dev.flexfun.testkit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Turns result rows back into records, column by component <em>name</em> ({@code @Column} renames
 * are not visible at run time: use a record whose component names are the column names). The
 * conversions undo the FlexFun type table, so a function's own record type reads back equal to
 * what the function returned (except that {@code byte[]} components compare by identity).
 */
final class RecordMapper<R extends Record> {
    private final Class<R> type;
    private final RecordComponent[] components;
    private final Field[] fields;
    private final Constructor<R> constructor;

    RecordMapper(Class<R> type, Schema schema) {
        this.type = type;
        this.components = type.getRecordComponents();
        this.fields = new Field[components.length];
        List<String> columns = schema.getFields().stream().map(Field::getName).toList();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (!columns.contains(name)) {
                throw new IllegalArgumentException("Record " + type.getSimpleName() + " has component '" + name
                        + "' but the result has no such column; columns: " + columns
                        + ". Components are matched to columns by name.");
            }
            fields[i] = schema.findField(name);
        }
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            this.constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot use the canonical constructor of " + type.getName(), e);
        }
    }

    List<R> map(List<Map<String, Object>> rows) {
        List<R> records = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            records.add(map(rows.get(r), r));
        }
        return records;
    }

    private R map(Map<String, Object> row, int rowIndex) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            try {
                args[i] = convert(row.get(component.getName()), component.getGenericType(), fields[i]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Row " + rowIndex + ", column '" + component.getName() + "': "
                        + e.getMessage(), e);
            }
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Row " + rowIndex + ": the constructor of " + type.getSimpleName()
                    + " rejected it: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object convert(Object value, Type target, Field field) {
        if (target instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return value == null ? Optional.empty() : Optional.of(convert(value, p.getActualTypeArguments()[0], field));
        }
        Class<?> raw = target instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) target;
        if (raw == OptionalInt.class) {
            return value == null ? OptionalInt.empty() : OptionalInt.of(((Number) value).intValue());
        }
        if (raw == OptionalLong.class) {
            return value == null ? OptionalLong.empty() : OptionalLong.of(((Number) value).longValue());
        }
        if (raw == OptionalDouble.class) {
            return value == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) value).doubleValue());
        }
        if (value == null) {
            if (raw.isPrimitive()) {
                throw new IllegalArgumentException("null cannot go into a " + raw.getName() + " component");
            }
            return null;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return (Boolean) value;
        }
        if (raw == int.class || raw == Integer.class) {
            return ((Number) value).intValue();
        }
        if (raw == long.class || raw == Long.class) {
            return ((Number) value).longValue();
        }
        if (raw == short.class || raw == Short.class) {
            return ((Number) value).shortValue();
        }
        if (raw == byte.class || raw == Byte.class) {
            return ((Number) value).byteValue();
        }
        if (raw == double.class || raw == Double.class) {
            return ((Number) value).doubleValue();
        }
        if (raw == float.class || raw == Float.class) {
            return ((Number) value).floatValue();
        }
        if (raw == char.class || raw == Character.class) {
            String s = (String) value;
            if (s.length() != 1) {
                throw new IllegalArgumentException("'" + s + "' is not one character");
            }
            return s.charAt(0);
        }
        if (raw.isEnum()) {
            return enumValue(raw, (String) value);
        }
        if (raw == UUID.class) {
            return UUID.fromString((String) value);
        }
        if (raw == BigDecimal.class) {
            return value;
        }
        if (raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            ZoneId zone = ZoneId.of(((ArrowType.Timestamp) field.getType()).getTimezone());
            ZonedDateTime zoned = ((Instant) value).atZone(zone);
            return raw == ZonedDateTime.class ? zoned : zoned.toOffsetDateTime();
        }
        if (!raw.isInstance(value)) {
            throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " (" + value
                    + ") cannot go into a " + raw.getSimpleName() + " component");
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }
}
