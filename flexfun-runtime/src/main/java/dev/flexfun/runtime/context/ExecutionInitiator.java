package dev.flexfun.runtime.context;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What triggered the execution, told apart by its {@code type}. Sealed, so a {@code switch} over it
 * is checked for completeness; {@link Unknown} keeps a type this version does not know.
 */
public sealed interface ExecutionInitiator {

    /** {@return the {@code type} as sent, e.g. {@code display}} */
    String type();

    /** Data shown in the UI (a dashboard widget or a visualization being edited). */
    record Display(Optional<String> dashboardId, Optional<String> visualizationId, Optional<String> widgetId)
            implements ExecutionInitiator {
        /** The {@code type} of this initiator in the execution context. */
        public static final String TYPE = "display";

        /**
         * Checks that no component is null (an absent id is an empty {@code Optional}).
         *
         * @param dashboardId the dashboard, when the data shows on one
         * @param visualizationId the visualization
         * @param widgetId the dashboard widget
         */
        public Display {
            Objects.requireNonNull(dashboardId, "dashboardId");
            Objects.requireNonNull(visualizationId, "visualizationId");
            Objects.requireNonNull(widgetId, "widgetId");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** An export a user started from the UI; {@code exportType} is e.g. CSV or XLSX. */
    record AdHocExport(Optional<String> dashboardId, Optional<String> visualizationId, Optional<String> widgetId,
            Optional<String> exportType) implements ExecutionInitiator {
        /** The {@code type} of this initiator in the execution context. */
        public static final String TYPE = "adhocExport";

        /**
         * Checks that no component is null (an absent id is an empty {@code Optional}).
         *
         * @param dashboardId the dashboard, when the export started from one
         * @param visualizationId the visualization
         * @param widgetId the dashboard widget
         * @param exportType the export's format, e.g. CSV or XLSX
         */
        public AdHocExport {
            Objects.requireNonNull(dashboardId, "dashboardId");
            Objects.requireNonNull(visualizationId, "visualizationId");
            Objects.requireNonNull(widgetId, "widgetId");
            Objects.requireNonNull(exportType, "exportType");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** A scheduled automation (e.g. a scheduled export). */
    record Automation(Optional<String> automationId) implements ExecutionInitiator {
        /** The {@code type} of this initiator in the execution context. */
        public static final String TYPE = "automation";

        /**
         * Checks that the component is not null (an absent id is an empty {@code Optional}).
         *
         * @param automationId the automation
         */
        public Automation {
            Objects.requireNonNull(automationId, "automationId");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** The evaluation of an alert set on a widget. */
    record Alert(Optional<String> dashboardId, Optional<String> visualizationId, Optional<String> widgetId)
            implements ExecutionInitiator {
        /** The {@code type} of this initiator in the execution context. */
        public static final String TYPE = "alert";

        /**
         * Checks that no component is null (an absent id is an empty {@code Optional}).
         *
         * @param dashboardId the dashboard of the alerting widget
         * @param visualizationId the visualization
         * @param widgetId the widget the alert is set on
         */
        public Alert {
            Objects.requireNonNull(dashboardId, "dashboardId");
            Objects.requireNonNull(visualizationId, "visualizationId");
            Objects.requireNonNull(widgetId, "widgetId");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** An initiator of a type this version does not model; {@link #raw()} returns a copy of its JSON. */
    record Unknown(String type, JsonNode raw) implements ExecutionInitiator {
        /**
         * Checks the type and copies the JSON.
         *
         * @param type the {@code type} as sent
         * @param raw the initiator's JSON object, a private copy
         */
        public Unknown {
            Objects.requireNonNull(type, "type");
            raw = raw.deepCopy();
        }

        /** {@return a copy of the initiator's JSON object} */
        @Override
        public JsonNode raw() {
            return raw.deepCopy();
        }
    }

    /**
     * Reads an initiator; the {@code type} is matched case-insensitively.
     *
     * @param json the {@code executionInitiator} object
     * @return the initiator; {@link Unknown} for a type this version does not know
     */
    static ExecutionInitiator parse(PathNode json) {
        json.requireObject();
        String type = json.requiredText("type");
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "display" -> new Display(json.optionalText("dashboardId"), json.optionalText("visualizationId"),
                    json.optionalText("widgetId"));
            case "adhocexport" -> new AdHocExport(json.optionalText("dashboardId"),
                    json.optionalText("visualizationId"), json.optionalText("widgetId"),
                    json.optionalText("exportType"));
            case "automation" -> new Automation(json.optionalText("automationId"));
            case "alert" -> new Alert(json.optionalText("dashboardId"), json.optionalText("visualizationId"),
                    json.optionalText("widgetId"));
            default -> new Unknown(type, json.json());
        };
    }
}
