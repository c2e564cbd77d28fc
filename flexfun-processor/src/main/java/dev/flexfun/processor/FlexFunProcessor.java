package dev.flexfun.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.OnLoad;
import dev.flexfun.annotations.OnShutdown;
import dev.flexfun.processor.emit.AdapterEmitter;
import dev.flexfun.processor.emit.RegistryEmitter;
import dev.flexfun.processor.extract.ModelExtractor;
import dev.flexfun.processor.model.ClassFunctionModel;
import dev.flexfun.processor.model.FunctionModel;
import dev.flexfun.processor.model.HookKind;
import dev.flexfun.processor.model.HookModel;
import dev.flexfun.processor.validate.JsonObjectText;
import dev.flexfun.processor.validate.ModelValidator;
import dev.flexfun.processor.validate.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Turns {@code @FlexFun} methods into generated adapters, and every {@code @FlexFun} and
 * {@code @OnLoad} / {@code @OnShutdown} element of the compilation into one registry listed in
 * {@code META-INF/services/dev.flexfun.runtime.FlexFunctionRegistry}.
 *
 * <p>The registry is named {@code <package>.FlexFunRegistry}, where the package is the longest
 * package prefix common to all functions and hooks of the compilation (e.g.
 * {@code com.acme.sales.FlexFunRegistry}). Two modules on one class path need different
 * registry names: when their functions share a package, set the name with the javac option
 * {@code -Aflexfun.registryName=com.acme.sales.SalesRegistry}.
 *
 * <p>For Gradle's incremental compilation the processor is <em>aggregating</em> (declared in
 * {@code META-INF/gradle/incremental.annotation.processors}): it writes one registry from all
 * annotated elements. Every generated file names its originating elements: an adapter its method's
 * class and row record, the registry and its service file every element they list.
 */
@AutoService(Processor.class)
public final class FlexFunProcessor extends AbstractProcessor {
    /** The javac option naming the registry class (fully qualified). */
    public static final String REGISTRY_NAME_OPTION = "flexfun.registryName";
    private static final String SERVICE_FILE = "META-INF/services/" + RuntimeTypes.FLEX_FUNCTION_REGISTRY;

    private Problems problems;
    private ModelExtractor extractor;
    private ModelValidator validator;
    /** Function name to the element that declared it, for the duplicate check. */
    private final Map<String, Element> names = new LinkedHashMap<>();
    private final List<ClassName> registered = new ArrayList<>();
    private final List<HookModel> hooks = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private final Set<String> adapterNames = new HashSet<>();
    /** Every element the registry lists: its originating elements (and the service file's). */
    private final List<Element> registeredElements = new ArrayList<>();
    private boolean registryWritten;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(FlexFun.class.getCanonicalName(), OnLoad.class.getCanonicalName(),
                OnShutdown.class.getCanonicalName());
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(REGISTRY_NAME_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (problems == null) {
            problems = new Problems(processingEnv.getMessager());
            extractor = new ModelExtractor(processingEnv);
            validator = new ModelValidator(problems);
        }
        if (round.processingOver()) {
            return false;
        }
        List<Element> found = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWith(FlexFun.class)) {
            found.add(element);
            guarded(element, () -> function(element));
        }
        for (Element element : round.getElementsAnnotatedWith(OnLoad.class)) {
            found.add(element);
            guarded(element, () -> hook(HookKind.ON_LOAD, (ExecutableElement) element));
        }
        for (Element element : round.getElementsAnnotatedWith(OnShutdown.class)) {
            found.add(element);
            guarded(element, () -> hook(HookKind.ON_SHUTDOWN, (ExecutableElement) element));
        }
        if (found.isEmpty()) {
            return false;
        }
        if (registryWritten) {
            for (Element element : found) {
                problems.error(element, "This element was generated after the FlexFun registry was written"
                        + " (in a later annotation-processing round), so it cannot be registered. Declare FlexFunctions"
                        + " in hand-written sources.");
            }
        } else if (problems.count() == 0) {
            writeRegistry();
        }
        return false;
    }

    /** Runs {@code step}; an unexpected exception becomes a compile error on the element instead of a javac crash. */
    private void guarded(Element element, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            problems.error(element, "The FlexFun processor failed on this element (" + e
                    + "). This is a bug in the processor; please report it with this element's code.");
        }
    }

    private void function(Element element) {
        if (element.getKind() == ElementKind.METHOD) {
            FunctionModel function = extractor.function((ExecutableElement) element);
            boolean valid = validator.validate(function);
            valid &= unique(function.name(), element);
            if (valid) {
                ClassName adapter = adapterName(function);
                String metadata = function.metadata().isEmpty() ? null : compact(function.metadata());
                write(AdapterEmitter.emit(function, adapter, metadata));
                registered.add(adapter);
                registeredElements.add(element);
                packages.add(adapter.packageName());
            }
        } else {
            ClassFunctionModel function = extractor.classFunction((TypeElement) element);
            boolean valid = validator.validate(function);
            valid &= unique(function.name(), element);
            if (valid) {
                ClassName type = ClassName.get(function.type());
                registered.add(type);
                registeredElements.add(element);
                packages.add(type.packageName());
            }
        }
    }

    private void hook(HookKind kind, ExecutableElement method) {
        HookModel hook = extractor.hook(kind, method);
        if (validator.validate(hook)) {
            hooks.add(hook);
            registeredElements.add(method);
            packages.add(ClassName.get(hook.owner()).packageName());
        }
    }

    /** Records the function name; a duplicate is an error on both declarations. */
    private boolean unique(String name, Element element) {
        Element earlier = names.putIfAbsent(name, element);
        if (earlier == null) {
            return true;
        }
        problems.error(earlier, "Duplicate FlexFunction name '" + name + "': also declared by " + describe(element)
                + ". Function names must be unique; rename one with @FlexFun(name = ...).");
        problems.error(element, "Duplicate FlexFunction name '" + name + "': also declared by " + describe(earlier)
                + ". Function names must be unique; rename one with @FlexFun(name = ...).");
        return false;
    }

    private static String describe(Element element) {
        if (element instanceof TypeElement type) {
            return type.getQualifiedName().toString();
        }
        return ((TypeElement) element.getEnclosingElement()).getQualifiedName() + "#" + element.getSimpleName();
    }

    /** {@code Owner_methodAdapter} in the method's package (nested owners joined with '_'), unique per compilation. */
    private ClassName adapterName(FunctionModel function) {
        ClassName owner = ClassName.get(function.owner());
        String base = String.join("_", owner.simpleNames()) + "_" + function.method().getSimpleName();
        String name = base + "Adapter";
        for (int i = 2; !adapterNames.add(owner.packageName() + "." + name); i++) {
            name = base + i + "Adapter";
        }
        return ClassName.get(owner.packageName(), name);
    }

    private static String compact(String metadata) {
        try {
            return JsonObjectText.compact(metadata);
        } catch (JsonObjectText.InvalidJson e) {
            throw new IllegalStateException("metadata was validated", e);
        }
    }

    private void writeRegistry() {
        registryWritten = true;
        ClassName registry = registryName();
        if (registry == null) {
            return;
        }
        Elements elements = processingEnv.getElementUtils();
        if (elements.getTypeElement(RuntimeTypes.FLEX_FUNCTION_REGISTRY) == null) {
            problems.error("The FlexFun runtime (" + RuntimeTypes.FLEX_FUNCTION_REGISTRY + ") is not on the class"
                    + " path; add the dependency dev.flexfun:flexfun-runtime.");
            return;
        }
        write(RegistryEmitter.emit(registry, registered, hooks, registeredElements));
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE,
                    registeredElements.toArray(Element[]::new));
            try (Writer writer = file.openWriter()) {
                writer.write(registry.canonicalName() + "\n");
            }
        } catch (IOException e) {
            problems.error("Cannot write " + SERVICE_FILE + ": " + e.getMessage());
        }
    }

    private ClassName registryName() {
        String option = processingEnv.getOptions().get(REGISTRY_NAME_OPTION);
        if (option != null) {
            if (!SourceVersion.isName(option)) {
                problems.error("-A" + REGISTRY_NAME_OPTION + "=" + option + " is not a qualified Java class name;"
                        + " give one like com.acme.sales.SalesRegistry.");
                return null;
            }
            int dot = option.lastIndexOf('.');
            return ClassName.get(dot < 0 ? "" : option.substring(0, dot), option.substring(dot + 1));
        }
        return ClassName.get(commonPackage(packages), "FlexFunRegistry");
    }

    /** The longest package prefix (whole segments) shared by all {@code packages}. */
    static String commonPackage(List<String> packages) {
        String common = null;
        for (String pkg : packages) {
            if (common == null) {
                common = pkg;
                continue;
            }
            while (!(pkg.equals(common) || pkg.startsWith(common + ".") || common.isEmpty())) {
                int dot = common.lastIndexOf('.');
                common = dot < 0 ? "" : common.substring(0, dot);
            }
        }
        return common == null ? "" : common;
    }

    private void write(JavaFile file) {
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
