package dev.flexfun.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Elements set aside until a later round because a type they use is not generated yet. They are kept
 * by name, not as {@link Element}s, and looked up again each round: an element of an earlier round
 * would still show the type as missing.
 */
final class DeferredElements {
    /** An element set aside, and the type it was waiting for. */
    record Missing(Element element, String type) {
    }

    /** Where to find the element again: its type, and for a method its name and place among same-named methods. */
    private record Key(String type, String method, int ordinal, String missingType) {
    }

    private final List<Key> keys = new ArrayList<>();

    void add(Element element, String missingType) {
        if (element instanceof TypeElement type) {
            keys.add(new Key(type.getQualifiedName().toString(), null, 0, missingType));
            return;
        }
        TypeElement owner = (TypeElement) element.getEnclosingElement();
        String name = element.getSimpleName().toString();
        int ordinal = 0;
        for (Element member : owner.getEnclosedElements()) {
            if (member.equals(element)) {
                break;
            }
            if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals(name)) {
                ordinal++;
            }
        }
        keys.add(new Key(owner.getQualifiedName().toString(), name, ordinal, missingType));
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The elements set aside, as this round sees them; they are no longer set aside. */
    List<Element> takeAll(Elements elements) {
        List<Element> found = new ArrayList<>();
        for (Missing missing : lookUp(elements)) {
            found.add(missing.element());
        }
        keys.clear();
        return found;
    }

    /** The elements still set aside when processing is over, with the type each still misses. */
    List<Missing> stillMissing(Elements elements) {
        return lookUp(elements);
    }

    private List<Missing> lookUp(Elements elements) {
        List<Missing> found = new ArrayList<>();
        for (Key key : keys) {
            TypeElement type = elements.getTypeElement(key.type());
            if (type == null) {
                continue;
            }
            if (key.method() == null) {
                found.add(new Missing(type, key.missingType()));
                continue;
            }
            int ordinal = 0;
            for (Element member : type.getEnclosedElements()) {
                if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals(key.method())
                        && ordinal++ == key.ordinal()) {
                    found.add(new Missing(member, key.missingType()));
                }
            }
        }
        return found;
    }
}
