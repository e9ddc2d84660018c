package cn.supervision.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.security.JurisdictionHierarchy;

/** The jurisdictions as a tree, immutable: rebuilt whenever the set of jurisdictions changes. */
final class JurisdictionTree implements JurisdictionHierarchy {
    private final Map<String, Jurisdiction> byCode = new LinkedHashMap<>();

    JurisdictionTree(Collection<Jurisdiction> all) {
        // parents before children, so listings read top-down
        List<Jurisdiction> pending = new ArrayList<>(all);
        pending.sort((a, b) -> a.code().compareTo(b.code()));
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext();) {
                Jurisdiction j = it.next();
                if (j.parentCode() == null || byCode.containsKey(j.parentCode()) || !containsCode(all, j.parentCode())) {
                    byCode.put(j.code(), j);
                    it.remove();
                    progress = true;
                }
            }
        }
        pending.forEach(j -> byCode.put(j.code(), j));
    }

    private static boolean containsCode(Collection<Jurisdiction> all, String code) {
        return all.stream().anyMatch(j -> j.code().equals(code));
    }

    Jurisdiction get(String code) {
        return code == null ? null : byCode.get(code);
    }

    List<Jurisdiction> all() {
        return List.copyOf(byCode.values());
    }

    int size() {
        return byCode.size();
    }

    @Override
    public boolean exists(String code) {
        return get(code) != null;
    }

    @Override
    public boolean within(String code, String ancestor) {
        String c = code;
        int guard = 0;
        while (c != null && guard++ < 32) {
            if (c.equals(ancestor)) {
                return true;
            }
            Jurisdiction j = byCode.get(c);
            c = j == null ? null : j.parentCode();
        }
        return false;
    }
}
