package cn.supervision.schema;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import liquibase.resource.AbstractResource;
import liquibase.resource.AbstractResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * A changelog that exists only in memory, at {@link #PATH}: one {@code <include>} per given changelog path, for
 * Liquibase to apply several bundles' changelogs in one update ({@link Changelogs#update(java.sql.Connection,
 * ClassLoader, List)}).
 */
final class IncludingChangelog extends AbstractResourceAccessor {
    static final String PATH = "cn/supervision/schema/including-changelog.xml";

    private final Resource resource;

    IncludingChangelog(List<String> changelogs) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
        for (String changelog : changelogs) {
            xml.append("  <include file=\"").append(escaped(changelog)).append("\"/>\n");
        }
        byte[] bytes = xml.append("</databaseChangeLog>\n").toString().getBytes(StandardCharsets.UTF_8);
        this.resource = new InMemory(bytes, this);
    }

    @Override
    public List<Resource> search(String path, boolean recursive) {
        return List.of();
    }

    @Override
    public List<Resource> getAll(String path) {
        return PATH.equals(path) ? List.of(resource) : null; // null: not here (Liquibase's own accessors' answer)
    }

    @Override
    public List<String> describeLocations() {
        return new ArrayList<>(List.of("memory:" + PATH));
    }

    @Override
    public void close() {
        // nothing held
    }

    private static String escaped(String path) {
        return path.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class InMemory extends AbstractResource {
        private final byte[] bytes;
        private final ResourceAccessor accessor;

        InMemory(byte[] bytes, ResourceAccessor accessor) {
            super(PATH, URI.create("memory:/" + PATH));
            this.bytes = bytes;
            this.accessor = accessor;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public Resource resolve(String other) {
            return new ResourceAccessor.NotFoundResource(other, accessor);
        }

        @Override
        public Resource resolveSibling(String other) {
            return new ResourceAccessor.NotFoundResource(other, accessor);
        }
    }
}
