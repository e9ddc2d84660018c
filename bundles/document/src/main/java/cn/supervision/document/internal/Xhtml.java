package cn.supervision.document.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XHTML both renderers understand: a closed element and attribute set, no DOCTYPE or entities, no style sheets or
 * scripts, images only as PNG/JPEG data URIs (nothing is ever loaded from a file or the network).
 */
final class Xhtml {
    static final Set<String> ELEMENTS = Set.of("html", "head", "title", "body", "div", "section", "p", "span", "strong",
            "b", "em", "br", "hr", "h1", "h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "img", "ul", "ol", "li");
    static final Set<String> ATTRIBUTES = Set.of("class", "colspan", "rowspan", "src", "alt", "lang", "xmlns");
    static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg);base64,[A-Za-z0-9+/=\\s]+");
    static final Pattern CLASS = Pattern.compile("[A-Za-z0-9 _-]{0,100}");
    static final Pattern SPAN = Pattern.compile("[1-9][0-9]?");
    /** Pixels an image may have on each side, and bytes of image data. */
    static final int MAX_IMAGE_SIDE = 4000;
    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    private Xhtml() {
    }

    static Document parse(String xhtml) throws SAXException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(SAXException e) {
        if (e instanceof SAXParseException p) {
            return "第 " + p.getLineNumber() + " 行第 " + p.getColumnNumber() + " 列：" + p.getMessage();
        }
        return e.getMessage();
    }

    static String name(Node n) {
        String local = n.getLocalName();
        return local != null ? local : n.getNodeName();
    }

    /** Problems of a parsed document against the supported set (without the file name). */
    static void check(Document doc, List<String> problems) {
        Element root = doc.getDocumentElement();
        if (!"html".equals(name(root))) {
            problems.add("根元素必须是 <html>，而不是 <" + name(root) + ">");
            return;
        }
        boolean body = false;
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE && "body".equals(name(c))) {
                body = true;
            }
        }
        if (!body) {
            problems.add("缺少 <body> 元素");
        }
        walk(root, problems);
    }

    private static void walk(Element e, List<String> problems) {
        String name = name(e);
        if (!ELEMENTS.contains(name)) {
            problems.add("不支持的元素 <" + name + ">（可用：" + String.join("、", new java.util.TreeSet<>(ELEMENTS)) + "）");
            return;
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String an = a.getName();
            if (an.startsWith("xmlns")) {
                continue;
            }
            if (!ATTRIBUTES.contains(an)) {
                problems.add("<" + name + "> 不支持属性 " + an + "（可用：class、colspan、rowspan、src、alt、lang）");
            } else if (an.equals("src") && !(name.equals("img") && DATA_IMAGE.matcher(a.getValue()).matches())) {
                problems.add("<" + name + "> 的 src 只能是 PNG 或 JPEG 的 data: URI（模板不能引用文件或网址）");
            } else if (an.equals("src")) {
                String problem = imageProblem(a.getValue());
                if (problem != null) {
                    problems.add("<img> " + problem);
                }
            } else if (an.equals("class") && !CLASS.matcher(a.getValue()).matches()) {
                problems.add("<" + name + "> 的 class 只能含字母、数字、空格、- 与 _");
            } else if ((an.equals("colspan") || an.equals("rowspan")) && !SPAN.matcher(a.getValue()).matches()) {
                problems.add("<" + name + "> 的 " + an + " 必须是 1–99 的整数");
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            switch (c.getNodeType()) {
                case Node.ELEMENT_NODE -> walk((Element) c, problems);
                case Node.PROCESSING_INSTRUCTION_NODE -> problems.add("不支持处理指令 <?" + c.getNodeName() + "?>");
                case Node.ENTITY_REFERENCE_NODE -> problems.add("不支持实体引用 &" + c.getNodeName() + ";");
                default -> { }
            }
        }
    }

    /**
     * Why a PNG/JPEG data URI may not be rendered, or null: more than {@link #MAX_IMAGE_BYTES} of data, no readable
     * header, or more than {@link #MAX_IMAGE_SIDE} pixels a side. Only the header is read, never the pixels.
     */
    static String imageProblem(String dataUri) {
        int comma = dataUri.indexOf(',');
        String base64 = dataUri.substring(comma + 1);
        if (base64.length() > 2L * MAX_IMAGE_BYTES) {
            return "图片数据超过 " + (MAX_IMAGE_BYTES / 1024 / 1024) + " MB";
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return "图片不是有效的 Base64 数据";
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            return "图片数据超过 " + (MAX_IMAGE_BYTES / 1024 / 1024) + " MB";
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return "图片不是可识别的 PNG 或 JPEG";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
                    return "图片尺寸 " + width + "×" + height + " 像素超过上限 " + MAX_IMAGE_SIDE + "×" + MAX_IMAGE_SIDE;
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return "图片头无法读取（" + e.getMessage() + "）";
        }
        return null;
    }
}
