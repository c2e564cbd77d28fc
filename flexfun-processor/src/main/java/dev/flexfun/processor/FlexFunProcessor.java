package dev.flexfun.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.OnLoad;
import dev.flexfun.annotations.OnShutdown;
import dev.flexfun.processor.emit.AdapterEmitter;
import dev.flexfun.processor.emit.RegistryEmitter;
import dev.flexfun.processor.extract.MissingTypes;
import dev.flexfun.processor.extract.ModelExtractor;
import dev.flexfun.processor.model.ClassFunctionModel;
import dev.flexfun.processor.model.FunctionModel;
import dev.flexfun.processor.model.HookKind;
import dev.flexfun.processor.model.HookModel;
import dev.flexfun.processor.validate.JsonObjectText;
import dev.flexfun.processor.validate.ModelValidator;
import dev.flexfun.processor.validate.Problems;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * <p>Rounds: an element whose types another processor has not generated yet is set aside and taken up
 * again in the next round ({@link DeferredElements}); one still incomplete when processing is over is
 * an error on it. The registry source is written in the first round with nothing set aside (a source
 * written in the last round would not be compiled without a javac warning), its service file when
 * processing is over. A file that cannot be written is an error diagnostic, never an exception out of
 * javac.
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
    private final DeferredElements deferred = new DeferredElements();
    /** Every element the registry lists: its originating elements (and the service file's). */
    private final List<Element> registeredElements = new ArrayList<>();
    private ClassName registryWritten;

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
            for (DeferredElements.Missing missing : deferred.stillMissing(processingEnv.getElementUtils())) {
                problems.error(missing.element(), "Type '" + missing.type() + "' used here does not exist: no source"
                        + " declares it and no annotation processor generated it, so this FlexFun element cannot be"
                        + " compiled. Check the import and the spelling, or the processor that should generate it.");
            }
            if (registryWritten != null && problems.count() == 0) {
                writeServiceFile(registryWritten);
            }
            return false;
        }
        List<Element> found = new ArrayList<>();
        // A set: an element with several of our annotations is taken up once, for each of them.
        Set<Element> candidates = new LinkedHashSet<>(deferred.takeAll(processingEnv.getElementUtils()));
        candidates.addAll(round.getElementsAnnotatedWith(FlexFun.class));
        candidates.addAll(round.getElementsAnnotatedWith(OnLoad.class));
        candidates.addAll(round.getElementsAnnotatedWith(OnShutdown.class));
        for (Element element : candidates) {
            if (MissingTypes.of(element).isPresent()) {
                deferred.add(element, MissingTypes.of(element).get());
                continue;
            }
            found.add(element);
            if (element.getAnnotation(FlexFun.class) != null) {
                guarded(element, () -> function(element));
            }
            if (element.getAnnotation(OnLoad.class) != null) {
                guarded(element, () -> hook(HookKind.ON_LOAD, (ExecutableElement) element));
            }
            if (element.getAnnotation(OnShutdown.class) != null) {
                guarded(element, () -> hook(HookKind.ON_SHUTDOWN, (ExecutableElement) element));
            }
        }
        if (found.isEmpty()) {
            return false;
        }
        if (registryWritten != null) {
            for (Element element : found) {
                problems.error(element, "This element was generated after the FlexFun registry was written"
                        + " (in a later annotation-processing round), so it cannot be registered. Declare FlexFunctions"
                        + " in hand-written sources.");
            }
        } else if (problems.count() == 0 && deferred.isEmpty()) {
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
                if (!write(AdapterEmitter.emit(function, adapter, metadata), element)) {
                    return;
                }
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
        if (elements.getTypeElement(registry.canonicalName()) != null) {
            problems.error("Cannot write the FlexFun registry " + registry.canonicalName() + ": a class of that name"
                    + " already exists. Choose another name with -A" + REGISTRY_NAME_OPTION + "=<package>.<Name>.");
            return;
        }
        if (write(RegistryEmitter.emit(registry, registered, hooks, registeredElements), null)) {
            registryWritten = registry;
        }
    }

    private void writeServiceFile(ClassName registry) {
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE,
                    registeredElements.toArray(Element[]::new));
            try (Writer writer = file.openWriter()) {
                writer.write(registry.canonicalName() + "\n");
            }
        } catch (IOException | RuntimeException e) {
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

    /** Writes a generated source; a failure is an error on {@code element} (or global) and returns false. */
    private boolean write(JavaFile file, Element element) {
        try {
            file.writeTo(processingEnv.getFiler());
            return true;
        } catch (IOException | RuntimeException e) {
            String message = "Cannot write the generated class " + file.packageName() + "." + file.typeSpec().name()
                    + ": " + e.getMessage() + ". Another class of that name may exist; rename it or, for the registry,"
                    + " set -A" + REGISTRY_NAME_OPTION + ".";
            if (element == null) {
                problems.error(message);
            } else {
                problems.error(element, message);
            }
            return false;
        }
    }
}
