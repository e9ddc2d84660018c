package cn.supervision.document.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xml.sax.SAXException;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.Guard;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;

import cn.supervision.api.document.DocumentKind;

/**
 * Compiles and checks the logic-less templates. Only variables and sections over the kind's model are allowed:
 * partials, template inheritance, unescaped output and delimiter changes are refused, and the factory itself can load
 * nothing (a partial that slipped through would fail to compile). Compiled templates are cached by content hash.
 */
final class Templates {
    static final int MAX_TEMPLATE = 256 * 1024;
    /** Sections ({{#x}} / {{^x}}) nested deeper than this are refused: each level multiplies the output. */
    static final int MAX_SECTION_DEPTH = 4;
    /** Characters of rendered XHTML a document may have. */
    static final int MAX_OUTPUT = 8 * 1024 * 1024;
    private static final Pattern TAG = Pattern.compile("\\{\\{(\\{)?\\s*([#^/!>&=<$]?)\\s*(.*?)\\s*\\}?\\}\\}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("\\.|[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();
    private final Map<DocumentKind, String> builtin = new EnumMap<>(DocumentKind.class);

    /** Thrown when a template renders more than {@link #MAX_OUTPUT} characters. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("按模板渲染的文书超过 " + (MAX_OUTPUT / 1024 / 1024) + " MB", null, false, false);
        }
    }

    /** A writer that refuses more than {@link #MAX_OUTPUT} characters. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder out = new StringBuilder(8192);

        @Override
        public void write(char[] cbuf, int off, int len) {
            if (out.length() + (long) len > MAX_OUTPUT) {
                throw new TooLarge();
            }
            out.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            if (out.length() + (long) len > MAX_OUTPUT) {
                throw new TooLarge();
            }
            out.append(str, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /**
     * Names resolve only to map keys (and lists iterate): no field is read and no method is called on a model object,
     * so {@code {{summary.clear}}} is a missing value, not {@code Map.clear()}.
     */
    static final class MapsOnly extends ReflectionObjectHandler {
        @Override
        protected Wrapper findWrapper(int scopeIndex, Wrapper[] wrappers, List<Guard> guards, Object scope, String name) {
            if (!(scope instanceof Map)) {
                return null;
            }
            return super.findWrapper(scopeIndex, wrappers, guards, scope, name);
        }

        @Override
        protected boolean areMethodsAccessible(Map<?, ?> map) {
            return false;
        }
    }

    /** A factory that resolves nothing: no partials, no files; values only from map keys. */
    private static final class ClosedFactory extends DefaultMustacheFactory {
        ClosedFactory() {
            setObjectHandler(new MapsOnly());
        }

        @Override
        public Reader getReader(String resourceName) {
            throw new MustacheException("模板不能引用其他文件：" + resourceName);
        }

        @Override
        public Mustache compilePartial(String s) {
            throw new MustacheException("模板不能使用子模板（partial）：" + s);
        }
    }

    Templates() {
        for (DocumentKind kind : DocumentKind.values()) {
            try (InputStream in = Templates.class.getResourceAsStream("/cn/supervision/document/templates/" + kind.templateFile())) {
                if (in == null) {
                    throw new IllegalStateException("built-in template missing: " + kind.templateFile());
                }
                builtin.put(kind, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    String builtin(DocumentKind kind) {
        return builtin.get(kind);
    }

    Mustache compile(String sha256, String text) {
        return compiled.computeIfAbsent(sha256, k -> new ClosedFactory().compile(new StringReader(text), k));
    }

    /** The template's output, at most {@link #MAX_OUTPUT} characters ({@link TooLarge} beyond). */
    static String render(Mustache m, Map<String, Object> model) {
        BoundedWriter out = new BoundedWriter();
        try {
            m.execute(out, model);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            throw e;
        }
        return out.toString();
    }

    static String utf8(byte[] content) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    }

    /** Problems of a kind's template, each prefixed with the file name. */
    List<String> problems(DocumentKind kind, String file, byte[] content) {
        List<String> problems = new ArrayList<>();
        String prefix = "模板 " + file + "：";
        if (content.length > MAX_TEMPLATE) {
            return List.of(prefix + "文件超过 " + (MAX_TEMPLATE / 1024) + " KB");
        }
        String text;
        try {
            text = utf8(content);
        } catch (CharacterCodingException e) {
            return List.of(prefix + "不是 UTF-8 编码的文本");
        }
        Set<String> allowed = SampleModels.names(kind);
        Set<String> used = new java.util.HashSet<>();
        java.util.Deque<String> open = new java.util.ArrayDeque<>();
        Matcher t = TAG.matcher(text);
        while (t.find()) {
            String type = t.group(1) != null ? "{" : t.group(2);
            String name = t.group(3);
            switch (type) {
                case "!" -> { }
                case "{", "&" -> problems.add(prefix + "不允许不转义输出 {{" + type + name + "}}（请用 {{" + name + "}}）");
                case ">" -> problems.add(prefix + "不允许使用子模板（partial）{{>" + name + "}}");
                case "<", "$" -> problems.add(prefix + "不允许使用模板继承 {{" + type + name + "}}");
                case "=" -> problems.add(prefix + "不允许更改定界符 {{=" + name + "}}");
                default -> {
                    if (type.equals("#") || type.equals("^")) {
                        if (open.contains(name)) {
                            problems.add(prefix + "区块 {{" + type + name + "}} 不能嵌套在同名区块内");
                        }
                        open.push(name);
                        if (open.size() > MAX_SECTION_DEPTH) {
                            problems.add(prefix + "区块嵌套超过 " + MAX_SECTION_DEPTH + " 层：{{" + type + name + "}}");
                        }
                    } else if (type.equals("/") && !open.isEmpty()) {
                        open.pop();
                    }
                    if (!NAME.matcher(name).matches()) {
                        problems.add(prefix + "无效的字段名 {{" + type + name + "}}");
                    } else if (!name.equals(".")) {
                        String first = name.split("\\.")[0];
                        used.add(first);
                        if (!allowed.contains(first)) {
                            problems.add(prefix + "模型中没有字段 " + first + "（" + kind.label() + "可用：" + String.join("、", allowed) + "）");
                        }
                    }
                }
            }
        }
        for (String required : kind.requiredFields()) {
            if (!used.contains(required)) {
                problems.add(prefix + "没有使用必需字段 " + required + "（" + kind.label() + "必须使用："
                        + String.join("、", kind.requiredFields()) + "）");
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        Mustache m;
        try {
            m = new ClosedFactory().compile(new StringReader(text), file);
        } catch (MustacheException e) {
            return List.of(prefix + "Mustache 语法错误：" + e.getMessage());
        }
        String xhtml;
        try {
            xhtml = render(m, SampleModels.of(kind));
        } catch (TooLarge e) {
            return List.of(prefix + "用示例数据渲染的结果超过 " + (MAX_OUTPUT / 1024 / 1024) + " MB");
        } catch (MustacheException e) {
            return List.of(prefix + "用示例数据渲染失败：" + e.getMessage());
        }
        try {
            List<String> structure = new ArrayList<>();
            Xhtml.check(Xhtml.parse(xhtml), structure);
            structure.forEach(p -> problems.add(prefix + p));
        } catch (SAXException e) {
            problems.add(prefix + "用示例数据渲染的结果不是格式良好的 XHTML（" + Xhtml.describe(e) + "）");
        }
        return problems;
    }
}
