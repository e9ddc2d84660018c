package cn.supervision.contribution.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import cn.supervision.api.contribution.Policy;
import cn.supervision.api.document.TemplateRegistry;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.indicator.Category;
import cn.supervision.api.indicator.IndicatorSystemDocument;
import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.ValidationProblem;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.registry.ImportMode;
import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.RegistryService;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitDraft;
import cn.supervision.api.security.Caller;

/**
 * Decides whether a contribution may be served and, if so, applies it. Everything is checked before anything is
 * written: the declared jurisdiction against the installer's authority and the city's, every unit file, power list and
 * indicator system against the declared jurisdiction, every system against publication rules and the city's policy.
 * Power lists are applied right after the units (their duty numbers refer to the mandates just imported).
 */
final class ContributionProcessor {

    /** What a processed contribution amounted to. */
    record Outcome(boolean accepted, List<String> reasons, int units, int systems) { }

    private final RegistryService registry;
    private final IndicatorSystemService systems;
    private final String cityBundle;
    private final String cityJurisdiction;
    /** The document service's side of templates, or null while no document service runs. */
    private final Supplier<TemplateRegistry> templates;
    /** The power-list service, or null while none runs. */
    private final Supplier<PowerListService> powerLists;

    ContributionProcessor(RegistryService registry, IndicatorSystemService systems, String cityBundle, String cityJurisdiction) {
        this(registry, systems, cityBundle, cityJurisdiction, () -> null);
    }

    ContributionProcessor(RegistryService registry, IndicatorSystemService systems, String cityBundle, String cityJurisdiction,
                          Supplier<TemplateRegistry> templates) {
        this(registry, systems, cityBundle, cityJurisdiction, templates, () -> null);
    }

    ContributionProcessor(RegistryService registry, IndicatorSystemService systems, String cityBundle, String cityJurisdiction,
                          Supplier<TemplateRegistry> templates, Supplier<PowerListService> powerLists) {
        this.registry = registry;
        this.systems = systems;
        this.cityBundle = cityBundle;
        this.cityJurisdiction = cityJurisdiction;
        this.templates = templates;
        this.powerLists = powerLists;
    }

    boolean isCity(String symbolicName) {
        return cityBundle.equals(symbolicName);
    }

    /**
     * @param installer who installed it (the platform itself for the deploy folder and features)
     * @param policy the city's policy in force (null before the city's bundle is processed)
     * @param applyUnits false when this exact content was applied before (a restart): units are not re-imported,
     *                   so the office's later edits of them stand
     */
    Outcome process(String symbolicName, String declared, BundleContent content, Caller installer, Policy policy, boolean applyUnits) {
        List<String> reasons = new ArrayList<>(content.problems());
        boolean city = isCity(symbolicName);
        Caller system = Caller.system("bundle:" + symbolicName);
        if (declared == null || declared.isBlank()) {
            reasons.add("清单头 Supervision-Jurisdiction 缺失");
            return new Outcome(false, reasons, 0, 0);
        }
        if (declared.equals(cityJurisdiction) && !city) {
            reasons.add("行政区划 " + cityJurisdiction + " 是市本级，只有市级贡献包 " + cityBundle + " 可以代表它");
        }
        if (city && !declared.equals(cityJurisdiction)) {
            reasons.add("市级贡献包必须声明 " + cityJurisdiction);
        }
        if (content.policy() != null && !city) {
            reasons.add("只有市级贡献包可以携带政策（policy.json）");
        }
        // jurisdictions: the declared one and the ones it registers below itself
        JurisdictionClaim claim = JurisdictionClaim.check(registry, cityJurisdiction, declared, city, content.jurisdiction(),
                installer, reasons);
        Set<String> scope = claim.scope;
        List<Jurisdiction> toRegister = claim.toRegister;
        // units
        int unitCount = 0;
        for (BundleContent.Named<BundleContent.UnitFile> f : content.units()) {
            String code = f.value().jurisdictionCode();
            if (code == null || !scope.contains(code)) {
                reasons.add(f.path() + "：单位属于行政区划 " + code + "，超出本贡献包的权限（" + declared + " 及其下级）");
            }
            unitCount += f.value().units().size();
        }
        // power lists: only for units of the declared jurisdiction, checked against the mandates in force afterwards
        if (!content.powerLists().isEmpty()) {
            List<UnitDraft> drafts = new ArrayList<>();
            content.units().stream().filter(f -> declared.equals(f.value().jurisdictionCode()))
                    .forEach(f -> drafts.addAll(f.value().units()));
            List<Unit> registered = claim.registered(declared)
                    ? registry.listUnits(Caller.system("contributions"), declared, true) : List.of();
            // a jurisdiction the bundle itself registers is not in the authority tree yet: the service cannot check
            // against it (404), so its lists get the rules that need no registry, and its units are all the bundle's
            PowerListCheck check = new PowerListCheck(declared, drafts, registered, system,
                    claim.registered(declared) ? powerLists.get() : null);
            content.powerLists().forEach(f -> reasons.addAll(check.check(f)));
        }
        // indicator systems
        for (BundleContent.Named<IndicatorSystemDocument> f : content.systems()) {
            IndicatorSystemDocument doc = f.value();
            if (doc.format() != null && !IndicatorSystemDocument.FORMAT.equals(doc.format())) {
                reasons.add(f.path() + "：不支持的格式 " + doc.format());
                continue;
            }
            if (doc.jurisdictionCode() == null || !scope.contains(doc.jurisdictionCode())) {
                reasons.add(f.path() + "：指标体系属于行政区划 " + doc.jurisdictionCode() + "，超出本贡献包的权限");
            }
            if (doc.definition() == null) {
                reasons.add(f.path() + "：缺少 definition");
                continue;
            }
            for (ValidationProblem p : systems.validateForPublication(doc.definition())) {
                if (p.severity() == ValidationProblem.Severity.ERROR) {
                    reasons.add(f.path() + " " + p.path() + "：" + p.message());
                }
            }
            if (!city) {
                Map<Category, BigDecimal> shares;
                try {
                    shares = systems.categoryShares(doc.definition());
                } catch (RuntimeException e) {
                    continue; // already reported by validation
                }
                PolicyChecker.check(policy, doc.definition(), shares).forEach(r -> reasons.add(f.path() + "：" + r));
            }
        }
        // document templates: checked by the document service, each problem naming its file
        TemplateRegistry templateRegistry = templates.get();
        if (!content.templates().isEmpty()) {
            if (templateRegistry == null) {
                // the document service is still starting (or not deployed): the extender retries, then gives up loudly
                throw new IllegalStateException("文书服务（TemplateRegistry）不可用，无法检查 templates/ 中的文书模板");
            }
            content.templates().forEach((path, bytes) -> reasons.addAll(templateRegistry.validate(path, bytes)));
        }
        if (!reasons.isEmpty()) {
            return new Outcome(false, reasons, 0, 0);
        }
        PowerListService powerListService = powerLists.get();
        if (applyUnits && !content.powerLists().isEmpty() && powerListService == null) {
            // the power-list service is still starting (or not deployed): the extender retries, then gives up loudly
            throw new IllegalStateException("权责清单服务（PowerListService）不可用，无法导入 power-lists/ 中的权责清单");
        }
        try {
            for (Jurisdiction j : toRegister) {
                registry.registerJurisdiction(city || installer.isSystem() ? system : installer, j);
            }
            if (applyUnits) {
                for (BundleContent.Named<BundleContent.UnitFile> f : content.units()) {
                    registry.importUnits(system, f.value().jurisdictionCode(), f.value().units(), ImportMode.UPSERT);
                }
                List<String> refused = PowerListImport.apply(registry, symbolicName, declared, content, system, powerListService);
                if (!refused.isEmpty()) {
                    return new Outcome(false, refused, 0, 0);
                }
            }
            for (BundleContent.Named<IndicatorSystemDocument> f : content.systems()) {
                IndicatorSystemDocument doc = f.value();
                systems.publishContributed(system, doc.jurisdictionCode(), lineage(symbolicName, doc), doc.definition());
            }
            if (applyUnits && templateRegistry != null) {
                // a new version without templates takes its predecessor's back; one with templates replaces them
                if (content.templates().isEmpty()) {
                    templateRegistry.retire(declared, symbolicName);
                } else {
                    templateRegistry.install(declared, symbolicName, content.templates());
                }
            }
        } catch (SupervisionException e) {
            List<String> failed = new ArrayList<>();
            failed.add("应用内容时失败：" + e.getMessage());
            e.errors().forEach(x -> failed.add(x.field() + "：" + x.message()));
            return new Outcome(false, failed, 0, 0);
        }
        return new Outcome(true, List.of(), unitCount, content.systems().size());
    }

    static String lineagePrefix(String symbolicName) {
        return "bundle:" + symbolicName + "/";
    }

    static String lineage(String symbolicName, IndicatorSystemDocument doc) {
        String name = doc.definition().name();
        return lineagePrefix(symbolicName) + (name.length() > 40 ? name.substring(0, 40) : name);
    }
}
