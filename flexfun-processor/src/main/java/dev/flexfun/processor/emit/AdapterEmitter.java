package dev.flexfun.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.flexfun.processor.RuntimeTypes;
import dev.flexfun.processor.model.ColumnModel;
import dev.flexfun.processor.model.FunctionModel;
import dev.flexfun.processor.model.ParameterKind;
import dev.flexfun.processor.model.ParameterModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates the adapter of one {@code @FlexFun} method: a {@code FlexFunction} whose call runs the
 * method and returns a {@code RecordResult}, plus a nested writer whose row loop writes each
 * selected column with its final writer class.
 */
public final class AdapterEmitter {
    private static final ClassName FLEX_FUNCTION = ClassName.get(RuntimeTypes.RUNTIME_PACKAGE, "FlexFunction");
    private static final ClassName FLEX_RESULT = ClassName.get(RuntimeTypes.RUNTIME_PACKAGE, "FlexResult");
    private static final ClassName CALL_CONTEXT = ClassName.get(RuntimeTypes.RUNTIME_PACKAGE, "CallContext");
    private static final ClassName COLUMN_SELECTION = ClassName.get(RuntimeTypes.VECTOR_PACKAGE, "ColumnSelection");
    private static final ClassName RECORD_RESULT = ClassName.get(RuntimeTypes.VECTOR_PACKAGE, "RecordResult");
    private static final ClassName RECORD_BATCH_WRITER =
            ClassName.get(RuntimeTypes.VECTOR_PACKAGE, "RecordBatchWriter");
    private static final ClassName SCHEMA = ClassName.get("org.apache.arrow.vector.types.pojo", "Schema");
    private static final ClassName ROOT = ClassName.get("org.apache.arrow.vector", "VectorSchemaRoot");
    private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    private static final String CONTEXT = "context";
    private static final String COLUMNS = "columns";
    private static final String PARAMETERS = "parameters";

    private AdapterEmitter() {
    }

    /**
     * The adapter's source.
     *
     * @param adapter      the adapter's class name (in the method's package)
     * @param metadataJson the compact metadata object, or {@code null}
     */
    public static JavaFile emit(FunctionModel function, ClassName adapter, String metadataJson) {
        ClassName record = ClassName.get(function.record());
        ClassName writer = adapter.nestedClass(function.record().getSimpleName() + "Writer");
        ClassName owner = ClassName.get(function.owner());

        TypeSpec.Builder type = TypeSpec.classBuilder(adapter)
                .addJavadoc("The FlexFunction $S: runs {@link $T#$L} and writes its {@link $T} rows into Arrow"
                        + " vectors.\n", function.name(), owner, function.method().getSimpleName(), record)
                .addAnnotation(GeneratedAnnotation.spec())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                // Incremental builds (Gradle): the adapter is stale when the method's class or the record changes.
                .addOriginatingElement(function.owner())
                .addOriginatingElement(function.record())
                .addSuperinterface(FLEX_FUNCTION)
                .addField(schemaField(function))
                .addMethod(getter("name", function.name()));
        type.addMethod(MethodSpec.methodBuilder("schema")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(SCHEMA)
                .addStatement("return SCHEMA")
                .build());
        if (!function.description().isEmpty()) {
            type.addMethod(getter("description", function.description()));
        }
        if (metadataJson != null) {
            type.addMethod(getter("metadataJson", metadataJson));
        }
        type.addMethod(call(function, owner, writer));
        type.addMethod(checkCall(function));
        type.addType(writerClass(function, record, writer));
        return JavaFile.builder(adapter.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static FieldSpec schemaField(FunctionModel function) {
        CodeBlock.Builder fields = CodeBlock.builder().add("new $T($T.of(\n", SCHEMA, List.class).indent().indent();
        List<ColumnModel> columns = function.columns();
        for (int i = 0; i < columns.size(); i++) {
            fields.add(ColumnCode.field(columns.get(i))).add(i + 1 < columns.size() ? ",\n" : "))");
        }
        fields.unindent().unindent();
        return FieldSpec.builder(SCHEMA, "SCHEMA", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(fields.build())
                .build();
    }

    private static MethodSpec getter(String name, String value) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $S", value)
                .build();
    }

    private static MethodSpec call(FunctionModel function, ClassName owner, ClassName writer) {
        MethodSpec.Builder call = MethodSpec.methodBuilder("call")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(FLEX_RESULT)
                .addParameter(CALL_CONTEXT, CONTEXT)
                .addException(Exception.class)
                .addComment("Check the columns hint before running the function: a bad hint is the caller's error.")
                .addStatement("$T $N = $T.of(SCHEMA, $N.columns())", COLUMN_SELECTION, COLUMNS, COLUMN_SELECTION,
                        CONTEXT);
        NameAllocator names = new NameAllocator();
        names.newName(CONTEXT);
        names.newName(COLUMNS);
        names.newName(PARAMETERS);
        if (function.parameters().stream().anyMatch(p -> p.kind() == ParameterKind.PARAM)) {
            call.addStatement("$T $N = $N.parameters()", JSON_NODE, PARAMETERS, CONTEXT);
        }
        List<CodeBlock> arguments = new ArrayList<>();
        for (ParameterModel parameter : function.parameters()) {
            if (parameter.kind() == ParameterKind.CALL_CONTEXT) {
                arguments.add(CodeBlock.of("$N", CONTEXT));
                continue;
            }
            String local = names.newName(parameter.element().getSimpleName().toString());
            call.addStatement("$T $N = $L", TypeName.get(parameter.element().asType()), local, argument(parameter));
            arguments.add(CodeBlock.of("$N", local));
        }
        CodeBlock args = CodeBlock.join(arguments, ", ");
        CodeBlock invocation = function.isStatic()
                ? CodeBlock.of("$T.$N($L)", owner, function.method().getSimpleName().toString(), args)
                : CodeBlock.of("new $T().$N($L)", owner, function.method().getSimpleName().toString(), args);
        String factory = switch (function.returnKind()) {
            case RECORD -> "ofRecord";
            case ARRAY -> "ofArray";
            case LIST, COLLECTION, ITERABLE -> "ofIterable";
            case ITERATOR -> "ofIterator";
            case STREAM -> "ofStream";
            default -> throw new IllegalStateException("unsupported return kind " + function.returnKind());
        };
        return call.addStatement("return $T.$N($L, $N, $N, $T::new)", RECORD_RESULT, factory, invocation, COLUMNS,
                        CONTEXT, writer)
                .build();
    }

    /**
     * {@code checkCall}: the same column check and parameter reads as {@code call}, values discarded,
     * the method not run (the deferred invocation mode checks a call at GetFlightInfo this way).
     */
    private static MethodSpec checkCall(FunctionModel function) {
        MethodSpec.Builder check = MethodSpec.methodBuilder("checkCall")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(CALL_CONTEXT, CONTEXT)
                .addStatement("$T.of(SCHEMA, $N.columns())", COLUMN_SELECTION, CONTEXT);
        if (function.parameters().stream().anyMatch(p -> p.kind() == ParameterKind.PARAM)) {
            check.addStatement("$T $N = $N.parameters()", JSON_NODE, PARAMETERS, CONTEXT);
        }
        for (ParameterModel parameter : function.parameters()) {
            if (isBoundFromCall(parameter.kind())) {
                check.addStatement("$L", argument(parameter));
            }
        }
        return check.build();
    }

    /** Whether reading the parameter can fail for a bad call (the others are handed over as they are). */
    private static boolean isBoundFromCall(ParameterKind kind) {
        return kind == ParameterKind.PARAM || kind == ParameterKind.EXECUTION_CONTEXT
                || kind == ParameterKind.OPTIONAL_EXECUTION_CONTEXT;
    }

    /** The value of one parameter (other than the CallContext itself); new parameter kinds add a case here. */
    private static CodeBlock argument(ParameterModel parameter) {
        return switch (parameter.kind()) {
            case CALL_CONTEXT -> CodeBlock.of("$N", CONTEXT);
            case EXECUTION_CONTEXT -> CodeBlock.of("$N.requireExecutionContext()", CONTEXT);
            case OPTIONAL_EXECUTION_CONTEXT -> CodeBlock.of("$N.executionContext()", CONTEXT);
            case COLUMNS -> CodeBlock.of("$N.names()", COLUMNS);
            case HEADERS -> CodeBlock.of("$N.headers()", CONTEXT);
            case PARAM -> ParamCode.binding(parameter.param(), PARAMETERS);
            case UNSUPPORTED -> throw new IllegalStateException("unsupported parameter " + parameter.element());
        };
    }

    private static TypeSpec writerClass(FunctionModel function, ClassName record, ClassName writer) {
        TypeSpec.Builder type = TypeSpec.classBuilder(writer)
                .addJavadoc("Writes {@link $T} rows into the columns the call selected ({@code null} writers are"
                        + " columns it did not).\n", record)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(RECORD_BATCH_WRITER, record));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameter(ROOT, "root");
        TypeName rows = ParameterizedTypeName.get(ClassName.get(Iterator.class), WildcardTypeName.subtypeOf(record));
        MethodSpec.Builder writeRows = MethodSpec.methodBuilder("writeRows")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(int.class)
                .addParameter(rows, "rows")
                .addParameter(int.class, "index")
                .addParameter(int.class, "end")
                .addComment("Locals, not fields, in the loop: the JIT keeps them in registers.");
        for (ColumnModel column : function.columns()) {
            ClassName writerType = ColumnCode.writer(column);
            String field = ColumnCode.fieldName(column);
            type.addField(writerType, field, Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("$N = track($T.of(root, $S))", field, writerType, column.name());
            writeRows.addStatement("$T $N = this.$N", writerType, field, field);
        }
        writeRows.beginControlFlow("while (index < end && rows.hasNext())")
                .addStatement("$T row = requireRow(rows.next(), index)", record);
        for (ColumnModel column : function.columns()) {
            String field = ColumnCode.fieldName(column);
            writeRows.beginControlFlow("if ($N != null)", field)
                    .addStatement("$N.write(index, $L)", field, ColumnCode.value(column, "row"))
                    .endControlFlow();
        }
        writeRows.addStatement("index++").endControlFlow().addStatement("return index");
        return type.addMethod(constructor.build()).addMethod(writeRows.build()).build();
    }
}
