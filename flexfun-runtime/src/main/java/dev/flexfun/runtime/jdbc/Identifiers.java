package dev.flexfun.runtime.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How a database quotes identifiers. Every column name a helper writes into SQL goes through
 * {@link #quote}, so a name is always one identifier, whatever characters it has.
 *
 * @param quote the quote character(s), e.g. {@code "} (ANSI SQL) or {@code `} (MySQL)
 */
public record Identifiers(String quote) {
    /** ANSI SQL double quotes: PostgreSQL, DuckDB, Oracle, Snowflake, SQL Server with QUOTED_IDENTIFIER. */
    public static final Identifiers ANSI = new Identifiers("\"");

    /**
     * Checks that there is a quote.
     *
     * @param quote the quote character(s); not blank
     * @throws IllegalArgumentException when {@code quote} is blank (the driver does not quote identifiers)
     */
    public Identifiers {
        Objects.requireNonNull(quote, "quote");
        if (quote.isBlank()) {
            throw new IllegalArgumentException("The driver does not quote identifiers; pass the quote character "
                    + "the database uses.");
        }
    }

    /**
     * {@return the quoting the driver reports ({@link DatabaseMetaData#getIdentifierQuoteString()})}
     *
     * @param metaData the connection's metadata
     * @throws SQLException when the driver cannot report it
     * @throws IllegalArgumentException when the driver does not quote identifiers
     */
    public static Identifiers of(DatabaseMetaData metaData) throws SQLException {
        return new Identifiers(metaData.getIdentifierQuoteString());
    }

    /**
     * {@return the name as one quoted identifier; a quote inside it is doubled}
     *
     * @param name the identifier, unquoted
     */
    public String quote(String name) {
        Objects.requireNonNull(name, "name");
        return quote + name.replace(quote, quote + quote) + quote;
    }

    /**
     * {@return the names quoted and separated by commas: a select list}
     *
     * @param names the identifiers, unquoted, in order
     */
    public String list(Collection<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }
}
