package dev.flexfun.runtime.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * SQL text with a {@code ?} placeholder per value, and the values in placeholder order. Fragments
 * are combined with {@link #plus}; values only ever reach the database through
 * {@link PreparedStatement#setObject}, never as text.
 *
 * @param text the SQL, with one {@code ?} per value
 * @param values the values to bind, in order; may hold {@code null}
 */
public record Sql(String text, List<Object> values) {

    /**
     * Checks the text and copies the values.
     *
     * @param text the SQL, with one {@code ?} per value
     * @param values the values to bind, in order; may hold {@code null}; copied
     */
    public Sql {
        Objects.requireNonNull(text, "text");
        values = Collections.unmodifiableList(new ArrayList<>(values)); // null values are legal
    }

    /**
     * {@return SQL text with values for its {@code ?} placeholders}
     *
     * @param text the SQL, with one {@code ?} per value
     * @param values the values to bind, in order
     */
    public static Sql of(String text, Object... values) {
        return new Sql(text, Arrays.asList(values));
    }

    /**
     * {@return this fragment followed by {@code other}, with both fragments' values}
     *
     * @param other the fragment to append
     */
    public Sql plus(Sql other) {
        List<Object> all = new ArrayList<>(values);
        all.addAll(other.values);
        return new Sql(text + other.text, all);
    }

    /**
     * {@return this fragment followed by SQL text without values}
     *
     * @param moreText the SQL text to append, without placeholders
     */
    public Sql plus(String moreText) {
        return new Sql(text + moreText, values);
    }

    /**
     * {@return the fragments joined by {@code separator} (e.g. {@code " AND "}), each in parentheses}
     *
     * @param separator the SQL text between two fragments
     * @param parts the fragments, in order; none gives empty SQL
     */
    public static Sql join(String separator, List<Sql> parts) {
        Sql joined = of("");
        for (int i = 0; i < parts.size(); i++) {
            joined = joined.plus(i == 0 ? "(" : separator + "(").plus(parts.get(i)).plus(")");
        }
        return joined;
    }

    /** {@return whether the text is blank (e.g. a {@code WHERE} fragment when nothing was pushed down)} */
    public boolean isEmpty() {
        return text.isBlank();
    }

    /**
     * Binds the values to the statement's parameters 1..n.
     *
     * @param statement the statement prepared from {@link #text()}
     * @throws SQLException when a value cannot be bound
     */
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }
}
