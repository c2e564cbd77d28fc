package dev.flexfun.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flexfun.runtime.BadArgumentException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per initiator kind. */
class ExecutionInitiatorTest {

    private static ExecutionInitiator initiator(String json) {
        var payload = Payloads.minimalReport();
        payload.set("executionInitiator", Payloads.json(json));
        return ExecutionContext.parse(payload).executionInitiator().orElseThrow();
    }

    @Test
    void display() {
        assertEquals(new ExecutionInitiator.Display(Optional.of("d"), Optional.of("v"), Optional.empty()),
                initiator("""
                        {"type": "display", "dashboardId": "d", "visualizationId": "v"}"""));
    }

    @Test
    void adHocExport() {
        ExecutionInitiator initiator = initiator("""
                {"type": "adhocExport", "dashboardId": "d", "visualizationId": "v", "widgetId": "w",
                 "exportType": "XLSX"}""");
        assertEquals(new ExecutionInitiator.AdHocExport(Optional.of("d"), Optional.of("v"), Optional.of("w"),
                Optional.of("XLSX")), initiator);
        assertEquals("adhocExport", initiator.type());
    }

    @Test
    void automation() {
        assertEquals(new ExecutionInitiator.Automation(Optional.of("auto-1")), initiator("""
                {"type": "automation", "automationId": "auto-1"}"""));
    }

    @Test
    void alert() {
        assertEquals(new ExecutionInitiator.Alert(Optional.of("d"), Optional.empty(), Optional.of("w")),
                initiator("""
                        {"type": "alert", "dashboardId": "d", "widgetId": "w"}"""));
    }

    @Test
    void unknownTypeIsKeptWithItsRawJson() {
        String json = """
                {"type": "aiAssistant", "conversationId": "c-1"}""";
        ExecutionInitiator.Unknown unknown = assertInstanceOf(ExecutionInitiator.Unknown.class, initiator(json));
        assertEquals("aiAssistant", unknown.type());
        assertEquals(Payloads.json(json), unknown.raw());
    }

    @Test
    void missingTypeNamesThePath() {
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> initiator("""
                {"dashboardId": "d"}"""));
        assertEquals("parameters.executionContext.executionInitiator.type is required but is missing.",
                e.getMessage());
    }

    @Test
    void absentInitiatorIsEmpty() {
        assertEquals(Optional.empty(), ExecutionContext.parse(Payloads.minimalReport()).executionInitiator());
    }
}
