package cn.supervision.indicator.internal;

import cn.supervision.api.problem.ProblemKind;

import static cn.supervision.indicator.internal.Rules.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import cn.supervision.testing.FakeRegistry;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.Evaluation;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.indicator.IndicatorInput.Grade;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemDocument;
import cn.supervision.api.indicator.Rounding;
import cn.supervision.api.indicator.SystemDefinition;
import cn.supervision.api.indicator.SystemDiff;
import cn.supervision.api.indicator.SystemStatus;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.testing.LocalJpaTemplate;

class IndicatorSystemServiceTest {
    static final Caller CITY = new Caller("city-admin", Set.of(Role.CITY_ADMIN), "370500", null);
    static final Caller LIJIN = new Caller("lijin-admin", Set.of(Role.COUNTY_ADMIN), "370522", null);
    static final Caller LEADER = new Caller("leader", Set.of(Role.LEADER), "370500", null);

    /** The city's system as its contribution bundle carries it. */
    static final java.nio.file.Path CITY_SYSTEM = java.nio.file.Path.of(
            "../../county-templates/dongying-city/src/main/resources/SUPERVISION-INF/indicator-systems/dongying-2026.json");

    private LocalJpaTemplate jpa;
    private JpaIndicatorSystemService service;

    @BeforeEach
    void start() {
        jpa = new LocalJpaTemplate("indicator-test", "META-INF/indicator-test-persistence.xml");
        service = new JpaIndicatorSystemService(jpa, new FakeRegistry(FakeRegistry.DONGYING, List.of()), id -> null);
    }

    @AfterEach
    void stop() {
        jpa.close();
    }

    static IndicatorSystemDocument dongying() throws Exception {
        try (InputStream in = java.nio.file.Files.newInputStream(CITY_SYSTEM)) {
            return Definitions.JSON.readValue(in, IndicatorSystemDocument.class);
        }
    }

    static SupervisionException refused(ProblemKind status, Executable call) {
        SupervisionException e = assertThrows(SupervisionException.class, call);
        assertEquals(status, e.kind(), e.getMessage() + " " + e.errors());
        return e;
    }

    @Test
    void theDongyingDefaultSystemIsValidAndCoversAllFiveCategories() throws Exception {
        IndicatorSystemDocument doc = dongying();
        assertEquals(IndicatorSystemDocument.FORMAT, doc.format());
        assertEquals(List.of(), service.validate(doc.definition()));
        IndicatorSystem s = service.publishContributed(Caller.system("bundle"), "370500", "bundle:city/dongying", doc.definition());
        assertEquals(SystemStatus.PUBLISHED, s.status());
        assertEquals(s.id(), service.publishContributed(Caller.system("bundle"), "370500", "bundle:city/dongying", doc.definition()).id(),
                "the same content again (a restart) creates nothing");
        Map<Category, BigDecimal> shares = service.categoryShares(doc.definition());
        assertEquals(0, new BigDecimal("40").compareTo(shares.get(Category.CORE)));
        assertEquals(0, new BigDecimal("15").compareTo(shares.get(Category.PLATFORM_DATA)));

        Evaluation full = service.evaluate(CITY, s.id(), Map.of());
        assertEquals(5, full.categories().size());
        Map<Category, String> max = new HashMap<>();
        full.categories().forEach(c -> max.put(c.category(), c.max().toPlainString()));
        assertEquals(Map.of(Category.CORE, "40.00", Category.AUXILIARY, "20.00", Category.PEER_REVIEW, "10.00",
                Category.PUBLIC_EVALUATION, "15.00", Category.PLATFORM_DATA, "15.00"), max);
        assertEquals(15, full.warnings().size(), "15 leaves without data");
    }

    /** One unit through the city's system, every number computed by hand. */
    @Test
    void dongyingSystemScoredByHand() throws Exception {
        IndicatorSystem s = service.publishContributed(Caller.system("bundle"), "370500", "bundle:city/dongying", dongying().definition());
        Map<String, IndicatorInput> in = new HashMap<>();
        in.put("D1.1", IndicatorInput.value(d("92")));          // 90 < 92 < 100 → −3 → 9
        in.put("D1.2", IndicatorInput.grades(List.of(new Grade("a", "好", "j"), new Grade("b", "较好", "j"),
                new Grade("c", "较好", "j"), new Grade("d", "一般", "j"), new Grade("e", "差", "j")))); // drop 10, 2 → (8+8+6)/3 = 7.33
        in.put("D1.3", IndicatorInput.occurrences(2));          // 10 − 4 = 6
        in.put("D1.4", IndicatorInput.state("初见成效"));         // 6
        in.put("D2.1", IndicatorInput.occurrences(1));          // tier 1–2 → −2 → 3
        in.put("D2.2", IndicatorInput.value(d("96")));          // (96−80)/20 × 5 = 4
        in.put("D2.3", IndicatorInput.grades(List.of(new Grade("a", "好", "j"), new Grade("b", "一般", "j")))); // 4
        in.put("D2.4", IndicatorInput.value(d("88")));          // [85,95) → 4
        in.put("C1.1", IndicatorInput.value(d("85")));          // (85−60)/40 × 10 = 6.25
        in.put("C2.1", IndicatorInput.value(d("93.5")));        // [90,95) → 8
        in.put("C2.2", IndicatorInput.grades(List.of(new Grade("a", "满意", "j"), new Grade("b", "非常满意", "j"),
                new Grade("c", "基本满意", "j"))));                 // (4+5+3)/3 = 4
        in.put("C3.1", IndicatorInput.value(d("97")));          // 17/20 × 5 = 4.25
        in.put("C3.2", IndicatorInput.value(d("91")));          // 21/30 × 4 = 2.8
        in.put("C3.3", IndicatorInput.occurrences(3));          // 3 − 1.5 = 1.5
        in.put("C3.4", IndicatorInput.value(d("90")));          // 90/100 × 3 = 2.7
        in.put("J1", IndicatorInput.occurrences(1));            // +1
        in.put("J2", IndicatorInput.occurrences(1));            // −2
        Evaluation e = service.evaluate(LEADER, s.id(), in);
        // D1 = 9 + 7.33 + 6 + 6 = 28.33; D2 = 3 + 4 + 4 + 4 = 15; D = 43.33
        // C1 = 6.25; C2 = 12; C3 = 4.25 + 2.8 + 1.5 + 2.7 = 11.25; C = 29.5
        assertEquals(d("43.33"), e.indicators().get(0).score());
        assertEquals(d("29.50"), e.indicators().get(1).score());
        assertEquals(d("72.83"), e.baseScore());
        assertEquals(d("71.83"), e.total(), "72.83 + 1 − 2");
        assertTrue(e.warnings().isEmpty(), e.warnings().toString());
    }

    @Test
    void aPreparedSystemScoresAsTheServiceDoesWithoutReadingTheSystemAgain() throws Exception {
        int[] reads = {0};
        JpaIndicatorSystemService counting = new JpaIndicatorSystemService(jpa, new FakeRegistry(FakeRegistry.DONGYING, List.of()),
                id -> null) {
            @Override
            public IndicatorSystem get(Caller caller, long id) {
                reads[0]++;
                return super.get(caller, id);
            }
        };
        IndicatorSystem s = counting.publishContributed(Caller.system("bundle"), "370500", "bundle:city/dongying", dongying().definition());
        Map<String, IndicatorInput> in = Map.of("D1.1", IndicatorInput.value(d("92")), "D1.3", IndicatorInput.occurrences(2),
                "C1.1", IndicatorInput.value(d("85")));
        reads[0] = 0;
        cn.supervision.api.indicator.PreparedSystem prepared = counting.prepare(LEADER, s.id());
        assertEquals(1, reads[0]);
        assertEquals(s.definition(), prepared.definition());
        for (int i = 0; i < 3; i++) {
            assertEquals(service.evaluate(LEADER, s.id(), in), prepared.evaluate(in));
            assertEquals(service.evaluate(LEADER, s.id(), in), prepared.evaluate(in, List.of()), "no duties: as defined");
        }
        assertEquals(1, reads[0], "scoring with a prepared system reads nothing");
        refused(ProblemKind.NOT_FOUND, () -> counting.prepare(LEADER, s.id() + 1000));
    }

    @Test
    void publishedVersionsAreImmutableAndCopiesMakeTheNextVersion() throws Exception {
        SystemDefinition def = dongying().definition();
        IndicatorSystem draft = service.createDraft(CITY, "370500", def);
        assertEquals(SystemStatus.DRAFT, draft.status());
        IndicatorSystem published = service.publish(CITY, draft.id());
        refused(ProblemKind.CONFLICT, () -> service.updateDraft(CITY, published.id(), def));
        refused(ProblemKind.CONFLICT, () -> service.publish(CITY, published.id()));

        IndicatorSystem next = service.copyToDraft(CITY, published.id(), 2027);
        assertEquals(published.lineage(), next.lineage());
        assertEquals(2, next.version());
        assertEquals(published.id(), next.copiedFrom());
        assertEquals(2027, next.definition().year());
        assertEquals(published.definition(), service.get(CITY, published.id()).definition(), "the original is untouched");
        assertEquals(published.contentHash(), service.get(CITY, published.id()).contentHash());

        SystemDefinition changed = new SystemDefinition(def.name(), 2027, def.unitKinds(), def.aggregation(), def.baseMax(),
                def.specificMax(), def.bonusCap(), def.deductionCap(), def.indicators(), def.adjustments().subList(0, 3));
        IndicatorSystem edited = service.updateDraft(CITY, next.id(), changed);
        assertNotEquals(published.contentHash(), edited.contentHash());
        SystemDiff diff = service.diff(CITY, published.id(), edited.id());
        assertEquals(List.of("V2"), diff.removed());
        assertEquals(List.of(), diff.added());
        assertEquals(1, diff.changed().size());
        assertEquals(Differ.SYSTEM, diff.changed().get(0).code());
        assertEquals(List.of("year"), diff.changed().get(0).fields());

        IndicatorSystem retired = service.retire(CITY, published.id(), "被 2027 版取代");
        assertEquals(SystemStatus.RETIRED, retired.status());
        assertEquals(2, service.list(CITY, "370500", null).size(), "nothing is deleted");
        assertEquals(1, service.list(CITY, null, SystemStatus.DRAFT).size());
    }

    @Test
    void aContributedSystemChangingContentSupersedesThePreviousVersion() throws Exception {
        SystemDefinition def = dongying().definition();
        Caller bundle = Caller.system("bundle");
        IndicatorSystem v1 = service.publishContributed(bundle, "370500", "bundle:x/dongying", def);
        SystemDefinition next = new SystemDefinition(def.name(), 2027, def.unitKinds(), def.aggregation(), def.baseMax(),
                def.specificMax(), def.bonusCap(), def.deductionCap(), def.indicators(), def.adjustments());
        IndicatorSystem v2 = service.publishContributed(bundle, "370500", "bundle:x/dongying", next);
        assertEquals(2, v2.version());
        assertEquals(SystemStatus.RETIRED, service.get(CITY, v1.id()).status(), "superseded, still readable");
        assertEquals(def, service.get(CITY, v1.id()).definition());
        assertEquals(1, service.retireLineages(bundle, "bundle:x/", "卸载"));
        assertEquals(SystemStatus.RETIRED, service.get(CITY, v2.id()).status());
        refused(ProblemKind.FORBIDDEN, () -> service.publishContributed(LIJIN, "370500", "bundle:y/z", def));
    }

    @Test
    void retiringABundlesLineagesRetiresExactlyThoseWhereLikeWouldTakeUnderscoreAsAWildcard() throws Exception {
        SystemDefinition def = dongying().definition();
        Caller bundle = Caller.system("bundle");
        IndicatorSystem mine = service.publishContributed(bundle, "370500", "bundle:cn.county.a_b/体系", def);
        IndicatorSystem theirs = service.publishContributed(bundle, "370500", "bundle:cn.county.aXb/体系", def);
        IndicatorSystem longer = service.publishContributed(bundle, "370500", "bundle:cn.county.a_bc/体系", def);
        assertEquals(1, service.retireLineages(bundle, "bundle:cn.county.a_b/", "卸载"));
        assertEquals(SystemStatus.RETIRED, service.get(CITY, mine.id()).status());
        assertEquals(SystemStatus.PUBLISHED, service.get(CITY, theirs.id()).status(), "'_' matches no other character");
        assertEquals(SystemStatus.PUBLISHED, service.get(CITY, longer.id()).status(), "the prefix ends at the name");
    }

    @Test
    void theCanonicalJsonListsUnitKindsInEnumOrderWhateverTheSet() throws Exception {
        SystemDefinition def = dongying().definition();
        java.util.Set<cn.supervision.api.registry.UnitKind> reversed = new java.util.LinkedHashSet<>(
                List.of(cn.supervision.api.registry.UnitKind.PUBLIC_INSTITUTION, cn.supervision.api.registry.UnitKind.PARTY_ORGAN));
        SystemDefinition a = new SystemDefinition(def.name(), def.year(), reversed, def.aggregation(), def.baseMax(), null, null, null,
                def.indicators(), List.of());
        String json = Definitions.toJson(a);
        assertTrue(json.contains("\"unitKinds\":[\"PARTY_ORGAN\",\"PUBLIC_INSTITUTION\"]"), json.substring(0, 200));
        assertEquals(Definitions.hash(json), Definitions.hash(Definitions.toJson(Definitions.fromJson(json))),
                "a stored definition read back hashes the same, so restarts never re-version");
    }

    @Test
    void invalidDraftsCannotBePublishedAndSayWhy() throws Exception {
        SystemDefinition def = dongying().definition();
        SystemDefinition broken = new SystemDefinition(def.name(), def.year(), def.unitKinds(), def.aggregation(), d("120"),
                null, null, null, def.indicators(), def.adjustments());
        IndicatorSystem draft = service.createDraft(CITY, "370500", broken);
        SupervisionException e = refused(ProblemKind.INVALID, () -> service.publish(CITY, draft.id()));
        assertEquals("indicators", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("120"));
        refused(ProblemKind.CONFLICT, () -> service.evaluate(CITY, draft.id(), Map.of()));
        assertEquals(SystemStatus.DRAFT, service.get(CITY, draft.id()).status());
        refused(ProblemKind.INVALID, () -> service.createDraft(CITY, "370500", new SystemDefinition(" ", 1, null, null, null, null, null, null, null, null)));
    }

    @Test
    void countiesWorkOnlyOnTheirOwnSystems() throws Exception {
        SystemDefinition def = dongying().definition();
        IndicatorSystem city = service.createDraft(CITY, "370500", def);
        IndicatorSystem lijin = service.createDraft(LIJIN, "370522", def);
        refused(ProblemKind.FORBIDDEN, () -> service.get(LIJIN, city.id()));
        refused(ProblemKind.FORBIDDEN, () -> service.createDraft(LIJIN, "370523", def));
        refused(ProblemKind.FORBIDDEN, () -> service.publish(LIJIN, city.id()));
        refused(ProblemKind.FORBIDDEN, () -> service.copyToDraft(LIJIN, city.id(), null));
        refused(ProblemKind.FORBIDDEN, () -> service.createDraft(LEADER, "370500", def));
        assertEquals(List.of(lijin.id()), service.list(LIJIN, null, null).stream().map(IndicatorSystem::id).toList());
        assertEquals(2, service.list(CITY, null, null).size(), "the city sees its counties' systems");
        refused(ProblemKind.NOT_FOUND, () -> service.get(CITY, 9999));
    }

    @Test
    void theRoundingPolicyIsStoredComparedAndScored() throws Exception {
        SystemDefinition def = dongying().definition();
        assertTrue(!Definitions.toJson(def).contains("rounding"), "a system stating no policy keeps its canonical JSON and hash");
        IndicatorSystem plain = service.createDraft(CITY, "370500", def);
        SystemDefinition everyNode = new SystemDefinition(def.name(), def.year(), def.unitKinds(), def.aggregation(),
                def.baseMax(), def.specificMax(), def.bonusCap(), def.deductionCap(), def.indicators(), def.adjustments(),
                new Rounding(null, null, Rounding.At.EVERY_NODE));
        IndicatorSystem rounded = service.createDraft(CITY, "370500", everyNode);
        assertEquals(new Rounding(2, java.math.RoundingMode.HALF_UP, Rounding.At.EVERY_NODE), service.get(CITY, rounded.id()).definition().rounding());
        assertEquals(List.of(new SystemDiff.Change(Differ.SYSTEM, List.of("rounding"))), service.diff(CITY, plain.id(), rounded.id()).changed());
        IndicatorSystem stated = service.createDraft(CITY, "370500", new SystemDefinition(def.name(), def.year(), def.unitKinds(),
                def.aggregation(), def.baseMax(), def.specificMax(), def.bonusCap(), def.deductionCap(), def.indicators(),
                def.adjustments(), Rounding.DEFAULT));
        assertEquals(List.of(), service.diff(CITY, plain.id(), stated.id()).changed(), "stating the default is no change");
        assertEquals(Rounding.At.EVERY_NODE, service.evaluate(CITY, rounded.id(), Map.of()).rounding().at());
    }
}
