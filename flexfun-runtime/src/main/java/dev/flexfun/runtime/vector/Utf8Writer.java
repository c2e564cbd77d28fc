package dev.flexfun.runtime.vector;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes strings (and chars, enum names, UUIDs) as UTF-8 into a {@link VarCharVector}. ASCII text,
 * the common case, is copied straight into the data buffer (through a reused char array), without
 * the byte array {@code String.getBytes} would allocate; other text falls back to the JDK's encoder.
 */
public final class Utf8Writer extends VariableWidthWriter {
    /** Where a string's chars are copied before they are written; grows with the longest string. */
    private char[] scratch = new char[64];

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public Utf8Writer(VarCharVector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static Utf8Writer of(VectorSchemaRoot root, String column) {
        VarCharVector vector = (VarCharVector) root.getVector(column);
        return vector == null ? null : new Utf8Writer(vector);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, String value) {
        if (value == null) {
            writeNullValue(index);
            return;
        }
        int length = value.length();
        // getChars copies the whole string at once (vectorised by the JDK); charAt would check the
        // index and the string's coding for every char.
        char[] chars = length <= scratch.length ? scratch : (scratch = new char[Math.max(length, 2 * scratch.length)]);
        value.getChars(0, length, chars, 0);
        long address = reserve(index, length);
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                // Not ASCII: UTF-8 needs more bytes than chars. Rare enough to allocate.
                writeBytes(index, value.getBytes(StandardCharsets.UTF_8));
                return;
            }
            MemoryUtil.putByte(address + i, (byte) c);
        }
        commit(index, length);
    }

    /**
     * Writes {@code value} into row {@code index}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, char value) {
        if (value < 0x80) {
            long address = reserve(index, 1);
            MemoryUtil.putByte(address, (byte) value);
            commit(index, 1);
        } else {
            write(index, String.valueOf(value));
        }
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Character value) {
        if (value == null) {
            writeNullValue(index);
        } else {
            write(index, value.charValue());
        }
    }

    /**
     * Writes the constant's {@link Enum#name() name}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Enum<?> value) {
        write(index, value == null ? null : value.name());
    }

    /**
     * Writes the canonical form, e.g. {@code 123e4567-e89b-12d3-a456-426614174000}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, UUID value) {
        write(index, value == null ? null : value.toString());
    }
}
