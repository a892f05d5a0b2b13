package dev.shingi.edge;

import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every endpoint the application serves, read from Spring's own {@link RequestMappingHandlerMapping} when the test
 * runs, so that a new controller method is fuzzed without anyone listing it. For each: its method and path pattern,
 * the path variables and query parameters it declares, what it consumes, and the fields of its body or form (from the
 * record or form class it binds), so that generated requests get past the binder into validation and the commands.
 */
record Endpoints(List<Endpoint> all) {

    /** A field a body or form binds: its name as the client sends it ({@code anchor.pageFrom}) and its Java type. */
    record BodyField(String name, Class<?> type) {
    }

    record Endpoint(String method, String pattern, List<String> pathVariables, Map<String, String> pathRegex,
                    List<String> parameters, Set<MediaType> consumes, List<BodyField> body, boolean json,
                    boolean multipart, List<String> parts) {
        /** The pages answer HTML and are signed into with a session and a CSRF token; the API is {@code /api/**}. */
        boolean page() {
            return !pattern.startsWith("/api/") && !pattern.startsWith("/v3/") && !pattern.equals("/error");
        }

        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + pattern + (consumes.isEmpty() ? "" : " " + consumes);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");
    private static final Set<RequestMethod> ANY = EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH);

    static Endpoints of(ApplicationContext app) {
        RequestMappingHandlerMapping mapping = app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Endpoint> all = new ArrayList<>();
        mapping.getHandlerMethods().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(RequestMappingInfo::toString)))
                .forEach(e -> {
                    RequestMappingInfo info = e.getKey();
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty() ? ANY
                            : info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        for (RequestMethod method : methods) {
                            all.add(endpoint(method.name(), pattern, info, e.getValue()));
                        }
                    }
                });
        // a multipart write reads its metadata part as the JSON body of its sibling (the same path, as JSON)
        for (int i = 0; i < all.size(); i++) {
            Endpoint e = all.get(i);
            if (e.multipart() && e.body().isEmpty()) {
                List<BodyField> sibling = all.stream().filter(o -> o.json() && o.method().equals(e.method())
                        && o.pattern().equals(e.pattern())).findFirst().map(Endpoint::body).orElse(List.of());
                all.set(i, new Endpoint(e.method(), e.pattern(), e.pathVariables(), e.pathRegex(), e.parameters(),
                        e.consumes(), sibling, e.json(), true, e.parts()));
            }
        }
        // two handler methods may share a method, path and media types (the error page as HTML and as JSON)
        Map<String, Endpoint> distinct = new LinkedHashMap<>();
        all.forEach(e -> distinct.putIfAbsent(e.toString(), e));
        return new Endpoints(List.copyOf(distinct.values()));
    }

    private static Endpoint endpoint(String method, String pattern, RequestMappingInfo info, HandlerMethod handler) {
        List<String> variables = new ArrayList<>();
        Map<String, String> regex = new LinkedHashMap<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            variables.add(m.group(1));
            if (m.group(2) != null) {
                regex.put(m.group(1), m.group(2));
            }
        }
        List<String> parameters = new ArrayList<>();
        List<BodyField> body = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        boolean json = false;
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            RequestPart part = p.getParameterAnnotation(RequestPart.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : param.value().isEmpty() ? p.getParameterName() : param.value();
                if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                    parts.add(name);
                } else {
                    parameters.add(name);
                }
            } else if (part != null) {
                parts.add(!part.name().isEmpty() ? part.name() : part.value().isEmpty() ? p.getParameterName() : part.value());
                fields("", p.getGenericParameterType(), body, 0);
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                json = true;
                fields("", p.getGenericParameterType(), body, 0);
            } else if (p.hasParameterAnnotation(ModelAttribute.class)) {
                fields("", p.getGenericParameterType(), body, 0);
            } else if (p.hasParameterAnnotation(PathVariable.class)) {
                // named in the pattern
            }
        }
        Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
        boolean multipart = consumes.stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes) || !parts.isEmpty();
        return new Endpoint(method, pattern, List.copyOf(variables), Map.copyOf(regex), List.copyOf(parameters),
                Set.copyOf(consumes), List.copyOf(body), json, multipart, List.copyOf(parts));
    }

    /** The names a client sends for a bound type, nested records and lists of records two levels deep. */
    private static void fields(String prefix, Type type, List<BodyField> out, int depth) {
        Class<?> raw = raw(type);
        if (depth > 2 || raw == null || simple(raw)) {
            return;
        }
        Map<String, Type> members = new TreeMap<>();
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                members.put(c.getName(), c.getGenericType());
            }
        } else if (raw.getName().startsWith("dev.shingi.")) {
            for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        members.put(f.getName(), f.getGenericType());
                    }
                }
            }
        }
        members.forEach((name, t) -> {
            Class<?> c = raw(t);
            out.add(new BodyField(prefix + name, c));
            if (Collection.class.isAssignableFrom(c) && t instanceof ParameterizedType pt) {
                fields(prefix + name + "[0].", pt.getActualTypeArguments()[0], out, depth + 1);
            } else if (!simple(c)) {
                fields(prefix + name + ".", t, out, depth + 1);
            }
        });
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    static boolean simple(Class<?> c) {
        return c.isPrimitive() || c.isEnum() || c.getName().startsWith("java.") || MultipartFile.class.isAssignableFrom(c);
    }
}
