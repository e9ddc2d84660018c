package cn.supervision.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import cn.supervision.api.contribution.ContributionService;

/** Contribution bundles hot-deployed into the running platform: deploy/, REST upload, update, uninstall, refusals. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ContributionsIT {
    static final String API = PlatformIT.API;
    static final String JAR = "application/java-archive";

    @Inject
    ContributionService contributions;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return new PlatformIT().config();
    }

    @Before
    public void platformReady() throws Exception {
        PlatformIT.awaitReady();
    }

    /** Core bundles' ids and last-modified stamps: a refresh or restart of any of them would change them. */
    private Map<String, String> coreState() {
        Map<String, String> state = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn != null && bsn.startsWith("cn.supervision.") && !bsn.startsWith("cn.supervision.county.")) {
                state.put(bsn, b.getBundleId() + "/" + b.getLastModified() + "/" + b.getState());
            }
        }
        return state;
    }

    private static Http.Reply upload(String user, byte[] jar) throws Exception {
        return Http.call("POST", API + "/v1/contributions", user, JAR, jar);
    }

    /** The state of the contribution an upload or an uninstall answers with (ACTIVE, REJECTED, UNINSTALLED …). */
    private static String state(Http.Reply contribution) {
        return Json.string(Json.of(contribution), "state");
    }

    @Test
    public void theDemoCountiesAreServedAndGuangraosOwnRuleScores() throws Exception {
        Http.Reply list = Http.await(API + "/v1/contributions", "city-admin",
                r -> Json.anyText(r.body(), "cn.supervision.county.guangrao") && Json.anyText(r.body(), "cn.supervision.county.lijin"), 60_000);
        for (String bsn : new String[] {"cn.supervision.city.dongying", "cn.supervision.county.lijin", "cn.supervision.county.guangrao"}) {
            assertTrue(bsn + " " + list.body(), Json.has(list.body(), "symbolicName", bsn, "state", "ACTIVE"));
        }
        Http.Reply lijin = Http.get(API + "/v1/contributions", "lijin-admin");
        assertTrue(lijin.body(), Json.anyText(lijin.body(), "county.lijin") && !Json.anyText(lijin.body(), "county.guangrao")
                && !Json.anyText(lijin.body(), "city.dongying"));

        Http.Reply systems = Http.get(API + "/v1/indicator-systems?jurisdiction=370523&status=PUBLISHED", "guangrao-admin");
        long id = Json.firstId(systems.body());
        // 广饶 G2.2: 15 × 90% − 2 repeated complaints × 1.5 = 10.5
        Http.Reply r = Http.json("POST", API + "/v1/indicator-systems/" + id + "/evaluate", "guangrao-admin",
                "{\"inputs\":{\"G2.2\":{\"value\":90,\"occurrences\":2}}}");
        assertEquals(r.body(), 200, r.status());
        assertTrue(r.body(), Json.has(r.body(), "code", "G2.2") && Json.has(r.body(), "score", Json.num("10.50")));
        assertTrue(Json.anyText(Http.get(API + "/v1/jurisdictions/370522/units", "lijin-admin").body(), "利津县财政局"));
    }

    @Test
    public void hotDeployThroughTheDeployFolderWithoutTouchingTheCore() throws Exception {
        Map<String, String> before = coreState();
        File jar = new File(System.getProperty("it.examples"), "dev-zone/target/supervision-county-dev-zone-0.1.0-SNAPSHOT.jar");
        assertTrue(jar.getAbsolutePath(), jar.isFile());
        Path deploy = Path.of(System.getProperty("karaf.home"), "deploy");
        Path staging = Path.of(System.getProperty("karaf.home"), "data", "tmp", "dev-zone.jar");
        Files.createDirectories(staging.getParent());
        Files.copy(jar.toPath(), staging, StandardCopyOption.REPLACE_EXISTING);
        long t0 = System.nanoTime();
        Files.move(staging, deploy.resolve("dev-zone.jar"), StandardCopyOption.ATOMIC_MOVE); // fileinstall never sees half a jar
        Http.Reply units = Http.await(API + "/v1/jurisdictions/370571/units", "city-admin",
                r -> r.status() == 200 && Json.anyText(r.body(), "东营经济技术开发区管理委员会"), 30_000);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("deploy/ to units served: " + millis + " ms");
        assertTrue(Json.mentions(units.body(), "parentUnitId"));
        assertEquals("installing a contribution refreshes no core bundle", before, coreState());

        Files.delete(deploy.resolve("dev-zone.jar"));
        Http.Reply gone = Http.await(API + "/v1/contributions", "city-admin",
                r -> Json.has(r.body(), "symbolicName", "cn.supervision.county.dev-zone", "state", "UNINSTALLED"), 30_000);
        assertTrue(Json.anyText(gone.body(), "UNINSTALLED"));
        assertTrue("units are supervision records: they stay", Json.anyText(Http.get(API + "/v1/jurisdictions/370571/units", "city-admin")
                .body(), "东营经济技术开发区管理委员会"));
        assertEquals("removing it refreshes no core bundle either", before, coreState());
    }

    @Test
    public void restUploadUpdateAndUninstallKeepHistory() throws Exception {
        Map<String, String> before = coreState();
        String system = TestBundles.system("370505", "垦利区测试体系", 40, "{\"type\":\"DEDUCT_PER_OCCURRENCE\",\"points\":2}");
        byte[] v1 = TestBundles.jar("cn.supervision.county.kenli", "1.0.0", "370505",
                Map.of("units/a.json", TestBundles.units("370505", "KLTEST", "垦利区测试中心"), "indicator-systems/s.json", system));
        long t0 = System.nanoTime();
        Http.Reply up = upload("city-admin", v1);
        System.out.println("REST upload to processed: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals(up.body(), 201, up.status());
        assertEquals("ACTIVE", state(up));
        assertEquals(64, Json.string(Json.of(up), "jarSha256").length());
        assertEquals("city-admin", Json.string(Json.of(up), "installedBy"));
        long firstSystem = Json.firstId(Http.get(API + "/v1/indicator-systems?jurisdiction=370505&status=PUBLISHED", "city-admin").body());

        String system2 = TestBundles.system("370505", "垦利区测试体系", 45, "{\"type\":\"DEDUCT_PER_OCCURRENCE\",\"points\":3}");
        byte[] v2 = TestBundles.jar("cn.supervision.county.kenli", "1.1.0", "370505",
                Map.of("units/a.json", TestBundles.units("370505", "KLTEST", "垦利区测试中心"), "indicator-systems/s.json", system2));
        Http.Reply up2 = upload("city-admin", v2);
        assertEquals("ACTIVE", state(up2));
        long contribution = Json.id(up2);
        Http.Reply current = Http.get(API + "/v1/indicator-systems?jurisdiction=370505&status=PUBLISHED", "city-admin");
        assertTrue(current.body(), Json.has(current.body(), "version", 2) && !Json.has(current.body(), "id", firstSystem));
        Http.Reply old = Http.get(API + "/v1/indicator-systems/" + firstSystem, "city-admin");
        assertEquals("the old version is still resolvable", 200, old.status());
        assertTrue(Json.has(old.body(), "status", "RETIRED") && Json.has(old.body(), "weight", 40));
        assertTrue(Json.anyText(Http.get(API + "/v1/contributions", "city-admin").body(), "SUPERSEDED"));

        Http.Reply removed = Http.call("DELETE", API + "/v1/contributions/" + contribution, "city-admin", null, null);
        assertEquals(removed.body(), 200, removed.status());
        assertEquals("UNINSTALLED", state(removed));
        assertTrue(Http.get(API + "/v1/indicator-systems?jurisdiction=370505&status=PUBLISHED", "city-admin").body().equals("[]"));
        assertTrue(Json.anyText(Http.get(API + "/v1/indicator-systems?jurisdiction=370505", "city-admin").body(), "RETIRED"));
        assertEquals(before, coreState());
    }

    /** What the archetype generates (built by the archetype's own integration test) deploys as it is. */
    @Test
    public void aProjectFromTheArchetypeIsDeployable() throws Exception {
        File jar = new File(System.getProperty("it.examples"),
                "../archetype/target/test-classes/projects/hekou/project/county-hekou/target/county-hekou-1.0.0.jar");
        assertTrue(jar.getAbsolutePath(), jar.isFile());
        Http.Reply r = upload("city-admin", Files.readAllBytes(jar.toPath()));
        assertEquals(r.body(), 201, r.status());
        assertEquals(r.body(), "ACTIVE", state(r));
        assertTrue(Json.anyText(Http.get(API + "/v1/jurisdictions/370503/units", "city-admin").body(), "河口区机构编制委员会办公室"));
        assertTrue(Json.anyText(Http.get(API + "/v1/indicator-systems?jurisdiction=370503&status=PUBLISHED", "city-admin").body(), "河口区职能运行监管指标体系"));
    }

    @Test
    public void countyAdminsUploadOnlyForThemselves() throws Exception {
        byte[] forGuangrao = TestBundles.jar("cn.supervision.county.intruder", "1.0.0", "370523",
                Map.of("units/a.json", TestBundles.units("370523", "X1", "越权单位")));
        Http.Reply r = upload("lijin-admin", forGuangrao);
        assertEquals(r.body(), 403, r.status());
        assertEquals(401, Http.call("POST", API + "/v1/contributions", null, JAR, forGuangrao).status());
        byte[] withCode = TestBundles.jar("cn.supervision.county.lijin-code", "1.0.0", "370522",
                Map.of("units/a.json", TestBundles.units("370522", "C1", "某单位"), "cn/example/Rule.class", "not really a class"));
        Http.Reply code = upload("lijin-admin", withCode);
        assertEquals("code runs with the platform's rights: only the city installs it", 403, code.status());
        assertTrue(code.body(), Json.anyText(code.body(), "Java"));
        assertEquals(400, upload("city-admin", "not a jar".getBytes()).status());
    }

    @Test
    public void refusedBundlesSayWhyAndNothingOfThemIsServed() throws Exception {
        String deduct = "{\"type\":\"DEDUCT_PER_OCCURRENCE\",\"points\":1}";
        assertRejected("cn.supervision.county.foreign", "370522",
                Map.of("units/a.json", TestBundles.units("370523", "F1", "别县单位")), "超出本贡献包的权限");
        assertRejected("cn.supervision.county.pretender", "370500",
                Map.of("units/a.json", TestBundles.units("370500", "P1", "冒充市本级")), "只有市级贡献包");
        assertRejected("cn.supervision.county.greedy", "370502",
                Map.of("indicator-systems/s.json", TestBundles.system("370502", "东营区越界体系", 70, deduct)), "市级政策");
        assertRejected("cn.supervision.county.broken", "370503", Map.of("units/a.json", "{\"jurisdictionCode\":"), "JSON 无效");
        assertRejected("cn.supervision.county.nocode", "370503",
                Map.of("indicator-systems/s.json", TestBundles.system("370503", "河口区体系", 40,
                        "{\"type\":\"CUSTOM\",\"ruleId\":\"hekou.not-deployed\"}")), "当前没有任何插件提供");
        Http.Reply future = upload("city-admin", TestBundles.jar("cn.supervision.county.future", "1.0.0", "370522",
                Map.of("units/a.json", TestBundles.units("370522", "N1", "新规范单位")), Map.of("Supervision-Contract", "[2.0,3)")));
        assertEquals(future.body(), "REJECTED", state(future));
        assertTrue(future.body(), Json.anyText(future.body(), "[2.0.0,3.0.0)") && Json.anyText(future.body(), "升级平台"));
        assertTrue("nothing of a rejected bundle is served",
                !Json.anyText(Http.get(API + "/v1/jurisdictions/370522/units", "city-admin").body(), "F1"));
        assertTrue("nor of one made for another format",
                !Json.anyText(Http.get(API + "/v1/jurisdictions/370522/units?view=full", "city-admin").body(), "新规范单位"));
        assertEquals("[]", Http.get(API + "/v1/indicator-systems?jurisdiction=370502", "city-admin").body());
    }

    private Bundle bundleNamed(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    @Test
    public void aCountysCodeNeverRunsWhateverTheChannelAndUnsignedCodeNotEvenFromTheCity() throws Exception {
        String bsn = "cn.supervision.county.sideeffect";
        String ran = SideEffectActivator.RAN + "." + bsn;
        byte[] jar = TestBundles.withActivator(bsn, "370522");

        Http.Reply county = upload("lijin-admin", jar);
        assertEquals(county.body(), 403, county.status());
        assertTrue(county.body(), Json.anyText(county.body(), "Bundle-Activator") && Json.anyText(county.body(), "SideEffectActivator.class"));
        Http.Reply city = upload("city-admin", jar);
        assertEquals("the city too needs a trusted signature: " + city.body(), 403, city.status());
        assertTrue(city.body(), Json.anyText(city.body(), "未签名"));
        assertNull("nothing was installed", bundleNamed(bsn));

        // the operator channel: the framework installs it, but the gate keeps it from resolving, so no class of it loads
        Path deploy = Path.of(System.getProperty("karaf.home"), "deploy");
        Path staging = Path.of(System.getProperty("karaf.home"), "data", "tmp", "sideeffect.jar");
        Files.createDirectories(staging.getParent());
        Files.write(staging, jar);
        Files.move(staging, deploy.resolve("sideeffect.jar"), StandardCopyOption.ATOMIC_MOVE);
        Http.Reply events = Http.await(API + "/v1/contributions/events", "city-admin",
                r -> Json.has(r.body(), "type", "REFUSED", "symbolicName", bsn, "channel", "deploy"), 30_000);
        assertTrue(events.body(), Json.anyText(events.body(), "未签名"));
        Bundle deployed = bundleNamed(bsn);
        assertTrue("installed by the deploy folder", deployed != null);
        assertEquals("never resolved, never started", Bundle.INSTALLED, deployed.getState());
        assertNull("its activator never ran", System.getProperty(ran));
        Files.delete(deploy.resolve("sideeffect.jar"));
        Http.await(API + "/v1/contributions/events", "city-admin",
                r -> Json.has(r.body(), "type", "UNINSTALLED", "symbolicName", bsn), 30_000);
        assertNull(System.getProperty(ran));
        // the refusals are events of the history, each with its channel and uploader
        String all = Http.get(API + "/v1/contributions/events?limit=500", "city-admin").body();
        assertTrue(all, Json.has(all, "type", "REFUSED", "symbolicName", bsn, "channel", "rest", "actor", "lijin-admin"));

        // the same jar signed with a key the platform trusts (the demo key: trusted while the demo profile is on),
        // uploaded by the city: now it is installed and its activator does run — so the absence above means something
        Path unsigned = Path.of(System.getProperty("karaf.home"), "data", "tmp", "sideeffect-signed.jar");
        Files.write(unsigned, jar);
        Process signing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jarsigner").toString(),
                "-keystore", new File(System.getProperty("it.examples"), "../demo-signing/demo-signing.p12").getPath(),
                "-storepass", "demo-signing-demo", "-digestalg", "SHA-256", unsigned.toString(), "supervision-demo")
                .redirectErrorStream(true).start();
        String signingOutput = new String(signing.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(signingOutput, 0, signing.waitFor());
        byte[] signedJar = Files.readAllBytes(unsigned);
        assertEquals("a county still may not, signed or not", 403, upload("lijin-admin", signedJar).status());
        Http.Reply accepted = upload("city-admin", signedJar);
        assertEquals(accepted.body(), 201, accepted.status());
        assertEquals(accepted.body(), "ACTIVE", state(accepted));
        assertEquals("yes", System.getProperty(ran));
    }

    @Test
    public void aJarWithAnEntryHiddenFromStreamReadersIsRefused() throws Exception {
        Http.Reply r = upload("lijin-admin", TestBundles.withHiddenActivator("cn.supervision.county.hidden", "370522"));
        assertEquals(r.body(), 400, r.status());
        assertTrue(r.body(), Json.anyText(r.body(), "cn/evil/Activator.class") && Json.anyText(r.body(), "隐藏"));
        assertNull(bundleNamed("cn.supervision.county.hidden"));
    }

    @Test
    public void symbolicNamesBelongToTheirFirstInstallerAndPlatformBundlesAreNoContributions() throws Exception {
        Http.await(API + "/v1/contributions", "city-admin", x -> Json.anyText(x.body(), "cn.supervision.county.lijin"), 60_000);
        byte[] squat = TestBundles.jar("cn.supervision.county.lijin", "9.0.0", "370523",
                Map.of("units/a.json", TestBundles.units("370523", "SQ1", "抢注单位")));
        Http.Reply r = upload("guangrao-admin", squat);
        assertEquals(r.body(), 409, r.status());
        assertTrue(r.body(), Json.anyText(r.body(), "370522"));
        assertEquals("not the city either, for another county", 409, upload("city-admin", squat).status());
        for (String platform : new String[] {"cn.supervision.api", "org.apache.karaf.shell.core"}) {
            Http.Reply p = upload("city-admin", TestBundles.jar(platform, "99.0.0", "370505",
                    Map.of("units/a.json", TestBundles.units("370505", "PL1", "平台冒名"))));
            assertEquals(platform + " " + p.body(), 409, p.status());
            assertTrue(p.body(), Json.anyText(p.body(), "不是") && Json.anyText(p.body(), platform));
        }
        Bundle api = bundleNamed("cn.supervision.api");
        assertTrue(api.getVersion().getMajor() < 99 && api.getState() == Bundle.ACTIVE);
        assertEquals(Bundle.ACTIVE, bundleNamed("cn.supervision.county.lijin").getState());
        assertTrue(!Json.anyText(Http.get(API + "/v1/jurisdictions/370523/units", "city-admin").body(), "抢注单位"));
        String events = Http.get(API + "/v1/contributions/events?limit=500", "city-admin").body();
        assertTrue(events, Json.has(events, "type", "REFUSED", "symbolicName", "cn.supervision.county.lijin", "actor", "guangrao-admin",
                "jurisdictionCode", "370523"));
    }

    @Test
    public void uninstallRetiresExactlyItsOwnSystemsAndTheHistoryKeepsEveryEvent() throws Exception {
        String deduct = "{\"type\":\"DEDUCT_PER_OCCURRENCE\",\"points\":1}";
        // two names that differ only where a LIKE pattern's '_' matches any character
        Http.Reply mine = upload("lijin-admin", TestBundles.jar("cn.supervision.county.zz_b", "1.0.0", "370522",
                Map.of("indicator-systems/s.json", TestBundles.system("370522", "利津县下划线测试体系", 40, deduct))));
        assertEquals(mine.body(), "ACTIVE", state(mine));
        Http.Reply theirs = upload("guangrao-admin", TestBundles.jar("cn.supervision.county.zzXb", "1.0.0", "370523",
                Map.of("indicator-systems/s.json", TestBundles.system("370523", "广饶县通配测试体系", 40, deduct))));
        assertEquals(theirs.body(), "ACTIVE", state(theirs));
        long id = Json.id(mine);

        assertEquals(403, Http.call("DELETE", API + "/v1/contributions/" + id, "guangrao-admin", null, null).status());
        Http.Reply removed = Http.call("DELETE", API + "/v1/contributions/" + id, "lijin-admin", null, null);
        assertEquals(removed.body(), 200, removed.status());
        assertTrue(Json.anyText(Http.get(API + "/v1/indicator-systems?jurisdiction=370522&status=RETIRED", "city-admin").body(), "利津县下划线测试体系"));
        String published = Http.get(API + "/v1/indicator-systems?jurisdiction=370523&status=PUBLISHED", "city-admin").body();
        assertTrue("the other county's system is untouched: " + published, Json.anyText(published, "广饶县通配测试体系"));

        Http.Reply history = Http.get(API + "/v1/contributions/" + id + "/events", "lijin-admin");
        assertEquals(history.body(), 200, history.status());
        JsonNode events = Json.of(history);
        // the first event is the install, a later one the uninstall
        assertTrue(history.body(), Json.is(events.path(0), "type", "INSTALLED", "channel", "rest", "actor", "lijin-admin",
                "jurisdictionCode", "370522", "jarSha256", (Predicate<JsonNode>) sha -> sha.isTextual() && sha.textValue().matches("[0-9a-f]{64}"))
                && Json.elements(events).skip(1).anyMatch(e -> Json.is(e, "type", "UNINSTALLED", "actor", "lijin-admin")));
        // uploading the same content again after the uninstall adds an event; the first install stays as it was
        upload("lijin-admin", TestBundles.jar("cn.supervision.county.zz_b", "1.0.0", "370522",
                Map.of("indicator-systems/s.json", TestBundles.system("370522", "利津县下划线测试体系", 40, deduct))));
        String after = Http.get(API + "/v1/contributions/" + id + "/events", "city-admin").body();
        JsonNode now = Json.parse(after);
        assertEquals(after, 3, Json.count(after, "type"));
        assertTrue(after, IntStream.range(0, events.size()).allMatch(i -> events.get(i).equals(now.get(i))));
    }

    @Test
    public void unitUsersAndPartnersReadNoContributionsAndOnlyInstallersMayUpload() throws Exception {
        Http.Reply city = Http.await(API + "/v1/contributions", "city-admin", x -> Json.anyText(x.body(), "cn.supervision.county.lijin"), 60_000);
        long id = Json.firstId(city.body());
        for (String user : new String[] {"czj-user", "assessment-system", "evaluator", "city-leader"}) {
            Http.Reply list = Http.get(API + "/v1/contributions", user);
            assertEquals(user + " " + list.body(), "[]", list.body());
            assertEquals(user, 403, Http.get(API + "/v1/contributions/" + id, user).status());
            assertEquals(user, "[]", Http.get(API + "/v1/contributions/events", user).body());
            assertEquals(user, 403, upload(user, TestBundles.jar("cn.supervision.county.nobody", "1.0.0", "370500",
                    Map.of("units/a.json", TestBundles.units("370500", "NB", "无权")))).status());
        }
        // refused before the body is read: the named jurisdiction is another county's
        Http.Reply early = Http.call("POST", API + "/v1/contributions?jurisdiction=370523", "lijin-admin", JAR, new byte[16]);
        assertEquals(early.body(), 403, early.status());
    }

    private static void assertRejected(String bsn, String jurisdiction, Map<String, String> content, String reason) throws Exception {
        Http.Reply r = upload("city-admin", TestBundles.jar(bsn, "1.0.0", jurisdiction, content));
        assertEquals(r.body(), 201, r.status());
        assertEquals(r.body(), "REJECTED", state(r));
        assertTrue(r.body(), Json.anyText(r.body(), reason));
    }
}
