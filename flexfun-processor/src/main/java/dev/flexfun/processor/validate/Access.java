package dev.flexfun.processor.validate;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** Whether generated code can reach a class, and why not. */
final class Access {
    private Access() {
    }

    /**
     * Why code in {@code fromPackage} cannot name {@code type}, or {@code null} when it can:
     * from the same package nothing in the nesting chain may be private, from another package
     * everything must be public.
     */
    static String whyInaccessible(TypeElement type, String fromPackage) {
        boolean samePackage = packageOf(type).equals(fromPackage);
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                return t.getSimpleName() + " is private";
            }
            if (!samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
                return t.getSimpleName() + " is not public";
            }
        }
        return null;
    }

    /** Whether {@code type} is nested in another class without being static (an inner class). */
    static boolean isInner(TypeElement type) {
        return type.getEnclosingElement() instanceof TypeElement
                && type.getKind() == ElementKind.CLASS
                && !type.getModifiers().contains(Modifier.STATIC);
    }

    /** Whether {@code type} has a no-arg constructor that is not private (public if {@code requirePublic}). */
    static boolean hasNoArgConstructor(TypeElement type, boolean requirePublic) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty()) {
                return requirePublic ? constructor.getModifiers().contains(Modifier.PUBLIC)
                        : !constructor.getModifiers().contains(Modifier.PRIVATE);
            }
        }
        return false;
    }

    static String packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return ((PackageElement) e).getQualifiedName().toString();
    }
}
