package cn.supervision.contribution.internal;

import java.time.Instant;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import cn.supervision.api.contribution.Contribution;
import cn.supervision.api.contribution.ContributionEvent;
import cn.supervision.api.contribution.ContributionEventType;
import cn.supervision.api.contribution.ContributionState;
import cn.supervision.api.contribution.Policy;
import cn.supervision.contribution.internal.model.ContributionEntity;
import cn.supervision.contribution.internal.model.ContributionEventEntity;

/**
 * What the platform knows about contribution bundles: one record per (symbolic name, version, content hash) with
 * its current state, and the append-only event history. Records are updated as their bundle's state changes;
 * events never are — that is where who installed, updated, was refused or uninstalled what, and when, is kept.
 */
final class ContributionLedger {
    /** An event to append; ids and time are the ledger's. */
    record NewEvent(ContributionEventType type, String symbolicName, String version, Long contributionId, String channel,
                    String actor, String actorJurisdictionCode, String jurisdictionCode, String jarSha256, String contentHash,
                    List<String> reasons) { }

    /** What processing decided about one bundle revision. */
    record Processed(String symbolicName, String version, String jurisdictionCode, String contentHash, String jarSha256,
                     String channel, String installedBy, boolean accepted, List<String> reasons, int units, int systems,
                     Policy policy) { }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JpaTemplate jpa;
    private final java.time.Clock clock;

    ContributionLedger(JpaTemplate jpa, java.time.Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ events

    long append(NewEvent e) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ContributionEventEntity x = new ContributionEventEntity();
            x.setAt(clock.millis());
            x.setType(e.type());
            x.setSymbolicName(cut(e.symbolicName(), 200));
            x.setVersion(cut(e.version(), 64));
            x.setContributionId(e.contributionId());
            x.setChannel(e.channel());
            x.setActor(cut(e.actor(), 64));
            x.setActorJurisdictionCode(cut(e.actorJurisdictionCode(), 16));
            x.setJurisdictionCode(cut(e.jurisdictionCode(), 16));
            x.setJarSha256(e.jarSha256());
            x.setContentHash(e.contentHash());
            x.setReasons(toJson(e.reasons() == null ? List.of() : e.reasons()));
            em.persist(x);
            em.flush();
            return x.getId();
        });
    }

    /** Every event of a symbolic name, oldest first. */
    List<ContributionEvent> events(String symbolicName) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select e from ContributionEventEntity e"
                        + " where e.symbolicName = :s order by e.id", ContributionEventEntity.class)
                .setParameter("s", symbolicName).getResultList().stream().map(ContributionLedger::toValue).toList());
    }

    /** A refusal found again at every restart is one event: appended only when the name's last event is not the same refusal. */
    void appendRefusalOnce(NewEvent refusal) {
        List<ContributionEvent> history = events(refusal.symbolicName());
        ContributionEvent last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last == null || last.type() != ContributionEventType.REFUSED || !refusal.version().equals(last.version())
                || !refusal.reasons().equals(last.reasons())) {
            append(refusal);
        }
    }

    /** The newest events first, at most {@code limit} of them. */
    List<ContributionEvent> recent(int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select e from ContributionEventEntity e order by e.id desc",
                        ContributionEventEntity.class).setMaxResults(limit).getResultList().stream()
                .map(ContributionLedger::toValue).toList());
    }

    /**
     * The jurisdiction a symbolic name belongs to: the one that first installed it (its first INSTALLED event; for
     * records from before events were kept, its oldest accepted record). Null for a name never installed.
     */
    String owner(String symbolicName) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            String first = em.createQuery("select e.jurisdictionCode from ContributionEventEntity e where e.symbolicName = :s"
                            + " and e.type = :installed order by e.id", String.class).setParameter("s", symbolicName)
                    .setParameter("installed", ContributionEventType.INSTALLED).setMaxResults(1).getResultList().stream()
                    .findFirst().orElse(null);
            if (first != null) {
                return first;
            }
            return em.createQuery("select c.jurisdictionCode from ContributionEntity c where c.symbolicName = :s"
                            + " and c.state in :served order by c.installedAt, c.id", String.class).setParameter("s", symbolicName)
                    .setParameter("served", List.of(ContributionState.ACTIVE, ContributionState.SUPERSEDED))
                    .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        });
    }

    // ------------------------------------------------------------------ records

    ContributionEntity find(String bsn, String version, String hash) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c from ContributionEntity c where c.symbolicName = :s"
                        + " and c.version = :v and c.contentHash = :h", ContributionEntity.class)
                .setParameter("s", bsn).setParameter("v", version).setParameter("h", hash)
                .getResultList().stream().findFirst().orElse(null));
    }

    ContributionEntity find(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> em.find(ContributionEntity.class, id));
    }

    List<ContributionEntity> all() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c from ContributionEntity c order by c.id",
                ContributionEntity.class).getResultList());
    }

    /** A record's state without its texts: what a node compares its bundles with every few seconds. */
    record RecordState(String symbolicName, String version, ContributionState state, long updatedAt) { }

    List<RecordState> states() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c.symbolicName, c.version, c.state, c.updatedAt"
                + " from ContributionEntity c order by c.id", Object[].class).getResultList().stream()
                .map(r -> new RecordState((String) r[0], (String) r[1], (ContributionState) r[2], ((Number) r[3]).longValue()))
                .toList());
    }

    /** True when the symbolic name was ever served as a contribution (some version accepted). */
    boolean wasServed(String bsn) {
        return owner(bsn) != null;
    }

    /**
     * Stores the outcome on the record of this (name, version, content) and answers whether another version or content
     * of the name was being served before (then the event is an update). Who first installed the record stays.
     */
    record Stored(long id, boolean replacedAnother) { }

    Stored store(Processed p) {
        return jpa.txExpr(TransactionType.Required, em -> {
            long now = clock.millis();
            ContributionEntity e = em.createQuery("select c from ContributionEntity c where c.symbolicName = :s and c.version = :v"
                            + " and c.contentHash = :h", ContributionEntity.class).setParameter("s", p.symbolicName())
                    .setParameter("v", p.version()).setParameter("h", p.contentHash()).getResultList().stream().findFirst().orElse(null);
            if (e == null) {
                e = new ContributionEntity();
                e.setSymbolicName(p.symbolicName());
                e.setVersion(p.version());
                e.setContentHash(p.contentHash());
                e.setInstalledAt(now);
                e.setChannel(p.channel());
                e.setInstalledBy(cut(p.installedBy(), 64));
                e.setJarSha256(p.jarSha256());
                e.setJurisdictionCode(p.jurisdictionCode());
                em.persist(e);
            }
            if (e.getJarSha256() == null) {
                e.setJarSha256(p.jarSha256());
            }
            e.setState(p.accepted() ? ContributionState.ACTIVE : ContributionState.REJECTED);
            e.setReasons(toJson(p.reasons()));
            e.setUnits(p.units());
            e.setIndicatorSystems(p.systems());
            if (p.accepted() && p.policy() != null) {
                e.setPolicyJson(toJson(p.policy()));
            }
            e.setUpdatedAt(now);
            boolean replaced = false;
            if (p.accepted()) {
                e.setJurisdictionCode(p.jurisdictionCode());
                for (ContributionEntity older : em.createQuery("select c from ContributionEntity c where c.symbolicName = :s"
                        + " and c.state = :active", ContributionEntity.class).setParameter("s", p.symbolicName())
                        .setParameter("active", ContributionState.ACTIVE).getResultList()) {
                    if (older != e) {
                        older.setState(ContributionState.SUPERSEDED);
                        older.setUpdatedAt(now);
                        replaced = true;
                    }
                }
            }
            em.flush();
            return new Stored(e.getId(), replaced);
        });
    }

    /** Marks every live record of the name UNINSTALLED; returns the ids (the bundle may have had several versions). */
    List<Long> uninstalled(String bsn) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<ContributionEntity> live = em.createQuery("select c from ContributionEntity c where c.symbolicName = :s"
                    + " and c.state in :live", ContributionEntity.class).setParameter("s", bsn)
                    .setParameter("live", List.of(ContributionState.ACTIVE, ContributionState.REJECTED)).getResultList();
            for (ContributionEntity e : live) {
                e.setState(ContributionState.UNINSTALLED);
                e.setUpdatedAt(clock.millis());
            }
            return live.stream().map(ContributionEntity::getId).toList();
        });
    }

    /** The policy of the city's contribution in force. */
    Policy policy() {
        String json = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select c.policyJson from ContributionEntity c"
                        + " where c.state = :active and c.policyJson is not null order by c.updatedAt desc", String.class)
                .setParameter("active", ContributionState.ACTIVE).setMaxResults(1).getResultList().stream().findFirst().orElse(null));
        try {
            return json == null ? null : BundleContent.JSON.readValue(json, Policy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not readable", e);
        }
    }

    static Contribution toValue(ContributionEntity e) {
        return new Contribution(e.getId(), e.getSymbolicName(), e.getVersion(), e.getJurisdictionCode(), e.getState(),
                e.getContentHash(), e.getJarSha256(), e.getChannel(), e.getInstalledBy(), Instant.ofEpochMilli(e.getInstalledAt()),
                Instant.ofEpochMilli(e.getUpdatedAt()), e.getUnits(), e.getIndicatorSystems(), strings(e.getReasons()));
    }

    static ContributionEvent toValue(ContributionEventEntity e) {
        return new ContributionEvent(e.getId(), Instant.ofEpochMilli(e.getAt()), e.getType(), e.getSymbolicName(), e.getVersion(),
                e.getContributionId(), e.getChannel(), e.getActor(), e.getJurisdictionCode(), e.getJarSha256(), e.getContentHash(),
                strings(e.getReasons()));
    }

    private static List<String> strings(String json) {
        try {
            return json == null ? List.of() : BundleContent.JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException ex) {
            return List.of(json);
        }
    }

    static String toJson(Object o) {
        try {
            return BundleContent.JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
