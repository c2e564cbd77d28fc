package dev.flexfun.runtime.jdbc;

import dev.flexfun.runtime.context.Filter;
import java.util.List;
import java.util.Objects;

/**
 * What {@link FilterPushdown} made of a context's filters.
 *
 * @param condition the pushed filters as one condition (without {@code WHERE}); empty when none was pushed
 * @param remaining the filters that were not pushed (no column for their label or dataset, or a kind
 *     this version does not know): apply them to the rows yourself, or decide they do not matter
 */
public record Pushdown(Sql condition, List<Filter> remaining) {

    /**
     * Checks the condition and copies the remaining filters.
     *
     * @param condition the pushed filters as one condition (without {@code WHERE}); empty when none was pushed
     * @param remaining the filters that were not pushed; copied
     */
    public Pushdown {
        Objects.requireNonNull(condition, "condition");
        remaining = List.copyOf(remaining);
    }

    /** {@return {@code " WHERE <condition>"}, or nothing when no filter was pushed: append it to a {@code SELECT}} */
    public Sql where() {
        return condition.isEmpty() ? condition : Sql.of(" WHERE ").plus(condition);
    }
}
