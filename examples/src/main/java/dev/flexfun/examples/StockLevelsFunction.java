package dev.flexfun.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.annotations.FlexFun;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.DataSourceMessage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A function that attaches a data-source message to its result: GoodData receives it in the
 * result schema's {@code x-gdc-data-source-messages} metadata. Messages must be added while the
 * method runs (the schema is sent before the rows); keep them small.
 */
public final class StockLevelsFunction {
    /** Counts older than this many days are reported as stale. */
    static final long STALE_AFTER_DAYS = 30;
    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    static final List<StockLevel> STOCK = List.of(
            new StockLevel("Brno", "Widget", 120, LocalDate.of(2025, 6, 28)),
            new StockLevel("Brno", "Gadget", 8, LocalDate.of(2025, 4, 2)),
            new StockLevel("Lyon", "Widget", 64, LocalDate.of(2025, 6, 29)),
            new StockLevel("Lyon", "Gizmo", 0, LocalDate.of(2025, 1, 15)));

    private StockLevelsFunction() {
    }

    @FlexFun(name = "StockLevels", description = "Stock per warehouse; warns about stale counts")
    public static List<StockLevel> stockLevels(CallContext ctx) {
        ArrayNode stale = JsonNodeFactory.instance.arrayNode();
        for (StockLevel level : STOCK) {
            if (ChronoUnit.DAYS.between(level.countedOn(), TODAY) > STALE_AFTER_DAYS) {
                stale.add(level.warehouse() + "/" + level.product());
            }
        }
        if (!stale.isEmpty()) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("message", stale.size() + " stock counts are older than " + STALE_AFTER_DAYS + " days.");
            data.set("stale", stale);
            // The task id as correlation id ties the message to this call's server log lines.
            ctx.addDataSourceMessage(new DataSourceMessage("StockLevels", ctx.taskId(), "warning", data));
        }
        return STOCK;
    }
}
