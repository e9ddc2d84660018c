package cn.supervision.contribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.DutyLink;
import cn.supervision.api.registry.UnitDraft;

/**
 * The city's own bundle content (county-templates/dongying-city) as the processor reads it: the typed mandates and
 * their links, and the power lists that the city's bundle imports at every fresh start. A list that would refuse the
 * city's bundle fails here, in the build, instead of at boot.
 */
class DongyingDemoContentTest {
    static final Path CITY = Path.of("..", "..", "county-templates", "dongying-city", "src", "main", "resources", "SUPERVISION-INF");

    private static BundleContent read() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(CITY)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(CITY.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return BundleContent.read(files);
    }

    @Test
    void mandatesAreTypedAndTheirLinksPointAtExistingDutiesOfOtherCityUnits() throws IOException {
        BundleContent c = read();
        assertEquals(List.of(), c.problems());
        List<UnitDraft> units = c.units().get(0).value().units();
        Map<String, Map<Integer, Duty>> byUnit = new HashMap<>();
        units.forEach(u -> {
            Map<Integer, Duty> m = new HashMap<>();
            u.mandate().duties().forEach(d -> m.put(d.number(), d));
            byUnit.put(u.code(), m);
        });
        long full = units.stream().filter(u -> u.mandate().duties().size() >= 8
                && u.mandate().duties().stream().allMatch(d -> d.type() != null)).count();
        assertTrue(full >= 12, "units with full typed mandates: " + full);
        int links = 0;
        for (UnitDraft u : units) {
            for (Duty d : u.mandate().duties()) {
                for (DutyLink l : d.links()) {
                    links++;
                    assertTrue(!l.unitCode().equals(u.code()) && byUnit.getOrDefault(l.unitCode(), Map.of()).containsKey(l.dutyNumber()),
                            u.code() + "#" + d.number() + " → " + l);
                }
            }
        }
        assertTrue(links >= 10, "links: " + links);
    }

    @Test
    void everyPowerListPassesTheBundleChecksWithImplementingBodiesOfItsOwnUnit() throws IOException {
        BundleContent c = read();
        List<UnitDraft> units = c.units().get(0).value().units();
        PowerListCheck check = new PowerListCheck("370500", units, List.of(), cn.supervision.api.security.Caller.system("test"), null);
        Map<String, UnitDraft> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        List<String> reasons = new ArrayList<>();
        Map<String, Integer> sizes = new TreeMap<>();
        for (BundleContent.PowerListFile f : c.powerLists()) {
            reasons.addAll(check.check(f));
            sizes.put(f.unitCode(), f.rows().size());
            UnitDraft u = byCode.get(f.unitCode());
            for (BundleContent.PowerListRow r : f.rows()) {
                String s = r.subject();
                boolean own = s.equals(u.name()) || (s.startsWith(u.name() + "（") && s.endsWith("）")
                        && u.mandate().internalBodies().contains(s.substring(u.name().length() + 1, s.length() - 1)));
                if (!own) {
                    reasons.add(f.path() + " " + r.code() + "：实施主体 " + s);
                }
            }
        }
        assertEquals(List.of(), reasons);
        assertTrue(sizes.size() >= 10, sizes.toString());
        assertTrue(sizes.get("SCJGJ") >= 150 && sizes.get("SCJGJ") <= 300, sizes.toString());
        assertTrue(sizes.get("CGJ") >= 150 && sizes.get("CGJ") <= 300, sizes.toString());
        sizes.forEach((unit, n) -> assertTrue(n >= 50 && n <= 300, unit + " " + n));
    }
}
