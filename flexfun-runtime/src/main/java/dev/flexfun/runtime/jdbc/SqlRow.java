package dev.flexfun.runtime.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The current row of a query, read by column name. A column the query did not select (because the
 * caller's {@code columns} hint left it out) reads as {@code null}, {@code 0} or {@code false}, so one
 * row mapper serves every column selection: the adapter writes only the selected columns anyway.
 * Names are matched case-insensitively, as JDBC labels are.
 */
public final class SqlRow {
    private final ResultSet resultSet;
    private final Map<String, Integer> indexes;

    SqlRow(ResultSet resultSet) throws SQLException {
        this.resultSet = resultSet;
        ResultSetMetaData meta = resultSet.getMetaData();
        this.indexes = new HashMap<>();
        for (int i = meta.getColumnCount(); i >= 1; i--) { // the first of equal labels wins, as in JDBC
            indexes.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
            indexes.put(meta.getColumnLabel(i), i); // found without lower-casing, on every row
        }
    }

    /**
     * {@return whether the query selected the column}
     *
     * @param column the column's label, in any case
     */
    public boolean has(String column) {
        return index(column) > 0;
    }

    /**
     * {@return the value as text, {@code null} for SQL NULL or an unselected column}
     *
     * @param column the column's label, in any case
     * @throws SQLException when the result set cannot be read
     */
    public String getString(String column) throws SQLException {
        int i = index(column);
        return i > 0 ? resultSet.getString(i) : null;
    }

    /**
     * {@return the value, {@code 0} for SQL NULL or an unselected column (use {@link #get} to tell NULL apart)}
     *
     * @param column the column's label, in any case
     * @throws SQLException when the result set cannot be read
     */
    public long getLong(String column) throws SQLException {
        int i = index(column);
        return i > 0 ? resultSet.getLong(i) : 0;
    }

    /**
     * {@return the value, {@code 0} for SQL NULL or an unselected column}
     *
     * @param column the column's label, in any case
     * @throws SQLException when the result set cannot be read
     */
    public int getInt(String column) throws SQLException {
        int i = index(column);
        return i > 0 ? resultSet.getInt(i) : 0;
    }

    /**
     * {@return the value, {@code 0} for SQL NULL or an unselected column}
     *
     * @param column the column's label, in any case
     * @throws SQLException when the result set cannot be read
     */
    public double getDouble(String column) throws SQLException {
        int i = index(column);
        return i > 0 ? resultSet.getDouble(i) : 0;
    }

    /**
     * {@return the value, {@code false} for SQL NULL or an unselected column}
     *
     * @param column the column's label, in any case
     * @throws SQLException when the result set cannot be read
     */
    public boolean getBoolean(String column) throws SQLException {
        int i = index(column);
        return i > 0 && resultSet.getBoolean(i);
    }

    /**
     * {@return the value, {@code null} for SQL NULL or an unselected column}
     *
     * @param column the column's label, in any case
     * @throws SQLException when the result set cannot be read
     */
    public BigDecimal getBigDecimal(String column) throws SQLException {
        int i = index(column);
        return i > 0 ? resultSet.getBigDecimal(i) : null;
    }

    /**
     * {@return the value as a date, {@code null} for SQL NULL or an unselected column}
     *
     * @param column the column's label, in any case
     * @throws SQLException when the result set cannot be read
     */
    public LocalDate getLocalDate(String column) throws SQLException {
        return get(column, LocalDate.class);
    }

    /**
     * {@return the value as a date and time, {@code null} for SQL NULL or an unselected column}
     *
     * @param column the column's label, in any case
     * @throws SQLException when the result set cannot be read
     */
    public LocalDateTime getLocalDateTime(String column) throws SQLException {
        return get(column, LocalDateTime.class);
    }

    /**
     * {@return the value as {@code type} (JDBC 4.2 {@code getObject(int, Class)}), {@code null} for NULL or an unselected column}
     *
     * @param <T> the value's Java type
     * @param column the column's label, in any case
     * @param type the class to read the value as
     * @throws SQLException when the result set cannot be read or the driver cannot convert the value to {@code type}
     */
    public <T> T get(String column, Class<T> type) throws SQLException {
        int i = index(column);
        return i > 0 ? resultSet.getObject(i, type) : null;
    }

    /** {@return the underlying result set, positioned on this row, for what the getters above do not cover} */
    public ResultSet resultSet() {
        return resultSet;
    }

    private int index(String column) {
        Integer index = indexes.get(column);
        if (index == null) {
            index = indexes.get(column.toLowerCase(Locale.ROOT));
        }
        return index == null ? 0 : index;
    }
}
