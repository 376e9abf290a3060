package dev.sluice.compat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What another class can link against in one type: its declaration and every public or protected
 * constructor, method (bridge methods included) and field, each described by its erased descriptor
 * (the key) and by its modifiers, generic signature, declared exceptions and constant value (the
 * description). Two types are binary-compatible when their surfaces are equal.
 */
public final class TypeSurface {

    /** Key of the entry that describes the type's own declaration. */
    public static final String DECLARATION = "(declaration)";

    private static final int TYPE_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
        | Modifier.FINAL | Modifier.ABSTRACT;
    private static final int MEMBER_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
        | Modifier.FINAL | Modifier.ABSTRACT | Modifier.SYNCHRONIZED | Modifier.VOLATILE | Modifier.TRANSIENT;

    private final String typeName;
    private final Map<String, String> entries;

    private TypeSurface(String typeName, Map<String, String> entries) {
        this.typeName = typeName;
        this.entries = entries;
    }

    /** Reads the surface of a loaded type by reflection. */
    public static TypeSurface of(Class<?> type) {
        Map<String, String> entries = new TreeMap<>();
        entries.put(DECLARATION, declaration(type));
        for (Field field : type.getDeclaredFields()) {
            if (isAccessible(field.getModifiers()) || field.isEnumConstant()) {
                entries.put("field " + field.getName(), describe(field));
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isAccessible(constructor.getModifiers())) {
                entries.put("<init>" + erasedParameters(constructor), describe(constructor));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (isAccessible(method.getModifiers())) {
                entries.put(method.getName() + erasedParameters(method) + method.getReturnType().getName(),
                    describe(method));
            }
        }
        return new TypeSurface(type.getName(), entries);
    }

    /** The type's binary name. */
    public String typeName() {
        return typeName;
    }

    /** Entries by key, sorted; {@link #DECLARATION} describes the type itself. */
    public Map<String, String> entries() {
        return entries;
    }

    /** Number of members (entries other than the declaration). */
    public int memberCount() {
        return entries.size() - 1;
    }

    private static boolean isAccessible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String declaration(Class<?> type) {
        StringBuilder out = new StringBuilder();
        out.append(Modifier.toString(type.getModifiers() & TYPE_MODIFIERS)).append(' ').append(kind(type));
        TypeVariable<?>[] parameters = type.getTypeParameters();
        if (parameters.length > 0) {
            out.append(typeParameters(parameters));
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null) {
            out.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            out.append(" implements ").append(joinTypes(interfaces));
        }
        if (type.isEnum()) {
            out.append(" constants ").append(Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(",", "[", "]")));
        }
        return out.toString();
    }

    private static String kind(Class<?> type) {
        if (type.isAnnotation()) {
            return "@interface";
        }
        if (type.isInterface()) {
            return "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (type.isRecord()) {
            return "record";
        }
        return "class";
    }

    private static String describe(Field field) {
        StringBuilder out = new StringBuilder(Modifier.toString(field.getModifiers() & MEMBER_MODIFIERS));
        out.append(' ').append(field.getGenericType().getTypeName());
        if (isConstant(field)) {
            try {
                field.setAccessible(true);
                out.append(" = ").append(constantText(field.get(null)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                out.append(" = <unreadable: ").append(e.getClass().getSimpleName()).append('>');
            }
        }
        return out.toString();
    }

    private static boolean isConstant(Field field) {
        int modifiers = field.getModifiers();
        Class<?> type = field.getType();
        return Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
            && (type.isPrimitive() || type == String.class);
    }

    private static String constantText(Object value) {
        return value instanceof String ? '"' + (String) value + '"' : String.valueOf(value);
    }

    private static String describe(Executable executable) {
        StringBuilder out = new StringBuilder(Modifier.toString(executable.getModifiers() & MEMBER_MODIFIERS));
        if (executable instanceof Method method) {
            if (method.isDefault()) {
                out.append(" default");
            }
            if (method.isBridge()) {
                out.append(" bridge");
            }
        }
        if (executable.isVarArgs()) {
            out.append(" varargs");
        }
        TypeVariable<?>[] parameters = executable.getTypeParameters();
        if (parameters.length > 0) {
            out.append(' ').append(typeParameters(parameters));
        }
        if (executable instanceof Method method) {
            out.append(' ').append(method.getGenericReturnType().getTypeName());
        }
        out.append(" (").append(joinTypes(executable.getGenericParameterTypes())).append(')');
        Type[] exceptions = executable.getGenericExceptionTypes();
        if (exceptions.length > 0) {
            out.append(" throws ").append(joinTypes(exceptions));
        }
        return out.toString().trim();
    }

    private static String typeParameters(TypeVariable<?>[] parameters) {
        return Arrays.stream(parameters)
            .map(p -> p.getName() + " extends " + joinTypes(p.getBounds()))
            .collect(Collectors.joining(", ", "<", ">"));
    }

    private static String erasedParameters(Executable executable) {
        return Arrays.stream(executable.getParameterTypes()).map(Class::getName)
            .collect(Collectors.joining(",", "(", ")"));
    }

    private static String joinTypes(Type[] types) {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
    }
}
