package dev.flexfun.runtime.vector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.DecimalUtility;

/**
 * Writes {@link BigDecimal}s into a 128-bit {@link DecimalVector}. A value with a smaller scale
 * is rescaled (exactly); a value that would need rounding, or has too many digits for the
 * precision, fails the call: it is never rounded silently.
 */
public final class DecimalWriter extends FixedWidthWriter {
    private final DecimalVector vector;
    private final int precision;
    private final int scale;

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public DecimalWriter(DecimalVector vector) {
        super(vector);
        this.vector = vector;
        this.precision = vector.getPrecision();
        this.scale = vector.getScale();
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static DecimalWriter of(VectorSchemaRoot root, String column) {
        DecimalVector vector = (DecimalVector) root.getVector(column);
        return vector == null ? null : new DecimalWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, BigDecimal value) {
        if (value == null) {
            writeNull(index);
            return;
        }
        BigDecimal scaled = value;
        if (value.scale() != scale) {
            try {
                scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw badValue(index, value.toPlainString() + " has more than " + scale
                        + " decimal places (the column is DECIMAL(" + precision + ", " + scale
                        + ")); round it in the function, or raise the scale in @Column.");
            }
        }
        if (scaled.precision() > precision) {
            throw badValue(index, value.toPlainString() + " has more digits than DECIMAL(" + precision + ", " + scale
                    + ") holds (at most " + (precision - scale) + " before the decimal point); raise the precision"
                    + " in @Column.");
        }
        checkRow(index); // DecimalUtility checks the buffer bounds itself; this names the column
        DecimalUtility.writeBigDecimalToArrowBuf(scaled, vector.getDataBuffer(), index, DecimalVector.TYPE_WIDTH);
        markValid(index);
    }
}
