package cn.supervision.campaign.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.InputDraft;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.RequestKey;
import cn.supervision.api.campaign.ReviewStatus;
import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.campaign.internal.model.InputEntity;
import cn.supervision.campaign.internal.model.InputRequestEntity;

/**
 * Keyed input writes (the Idempotency-Key): what a key asked for (a fingerprint), remembered in the transaction that
 * writes its inputs, and the first answer rebuilt for a retry. The writer looks the key up again after
 * {@link InputClaim} has taken the campaign row's lock, so a retry racing its first attempt on another node waits for
 * it and then finds it; the unique key (user, key) is the backstop. Rows older than {@link RequestKey#RETENTION_HOURS}
 * are deleted, at most once an hour per node, after a keyed write.
 */
final class RequestKeys {
    private static final Logger LOG = LoggerFactory.getLogger(RequestKeys.class);
    static final Duration RETENTION = Duration.ofHours(RequestKey.RETENTION_HOURS);
    private static final long PRUNE_EVERY = Duration.ofHours(1).toMillis();

    /** One keyed request: whose key, and what it asks for. */
    record Request(String username, String key, long campaignId, String fingerprint) { }

    private final JpaTemplate jpa;
    private final Records records;
    private final Clock clock;
    private final AtomicLong lastPrune = new AtomicLong(Long.MIN_VALUE);

    RequestKeys(JpaTemplate jpa, Records records, Clock clock) {
        this.jpa = jpa;
        this.records = records;
        this.clock = clock;
    }

    /** The request {@code key} names, or null without a key. {@code batch}: sent as a batch (the same drafts alone are another request). */
    Request request(Caller caller, long campaignId, boolean batch, List<InputDraft> drafts, RequestKey key) {
        return key == null ? null : new Request(caller.username(), key.value(), campaignId, fingerprint(campaignId, batch, drafts));
    }

    /** SHA-256 of everything a request asks for, each part length-prefixed so no two requests run together. */
    String fingerprint(long campaignId, boolean batch, List<InputDraft> drafts) {
        StringBuilder b = new StringBuilder();
        part(b, Long.toString(campaignId));
        part(b, batch ? "batch" : "one");
        for (InputDraft d : drafts) {
            if (d == null) {
                part(b, null);
                continue;
            }
            part(b, Long.toString(d.unitId()));
            part(b, d.code());
            part(b, d.source() == null ? null : d.source().name());
            part(b, d.input() == null ? null : records.write(d.input()));
            part(b, d.explanation());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void part(StringBuilder b, String s) {
        if (s == null) {
            b.append("-;");
        } else {
            b.append(s.length()).append(':').append(s).append(';');
        }
    }

    /** The earlier answer outside a transaction: see {@link #earlier(EntityManager, Request, Campaign)}. */
    List<InputRecord> earlier(Request request, Campaign c) {
        return jpa.txExpr(TransactionType.Supports, em -> earlier(em, request, c));
    }

    /**
     * The records the key's first request wrote, as they were answered then (a self-report's later review is not part
     * of that answer); null when the key is new. CONFLICT when the key was used for another request.
     */
    List<InputRecord> earlier(EntityManager em, Request request, Campaign c) {
        List<InputRequestEntity> found = em.createQuery("select r from InputRequestEntity r where r.username = :u and r.requestKey = :k",
                InputRequestEntity.class).setParameter("u", request.username()).setParameter("k", request.key()).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        InputRequestEntity first = found.get(0);
        if (first.getCampaignId() != request.campaignId() || !first.getFingerprint().equals(request.fingerprint())) {
            throw new SupervisionException(ProblemKind.CONFLICT, "幂等键已被使用",
                    "幂等键 " + request.key() + " 已用于另一请求（内容不同）：重试请原样重发，新的请求请换一个键", null);
        }
        List<Long> ids = ids(first.getInputIds());
        long lo = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long hi = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        // one transaction's ids lie between its lowest and highest: a range read, not a list of thousands of parameters
        Map<Long, InputEntity> rows = em.createQuery("select i from InputEntity i where i.campaignId = :c and i.id >= :lo and i.id <= :hi",
                        InputEntity.class).setParameter("c", request.campaignId()).setParameter("lo", lo).setParameter("hi", hi)
                .getResultList().stream().collect(Collectors.toMap(InputEntity::getId, e -> e));
        List<InputRecord> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            InputEntity e = rows.get(id);
            if (e == null) {
                throw new IllegalStateException("input " + id + " of request key " + request.key() + " is gone");
            }
            out.add(asAnswered(records.record(e, c)));
        }
        return out;
    }

    /** A record as its write answered it: before any review. */
    private static InputRecord asAnswered(InputRecord r) {
        ReviewStatus first = r.source() == InputSource.SELF_REPORT ? ReviewStatus.SUBMITTED : ReviewStatus.ACCEPTED;
        return new InputRecord(r.id(), r.campaignId(), r.unitId(), r.code(), r.input(), r.source(), r.explanation(), r.enteredBy(),
                r.enteredAt(), first, null, null, r.late());
    }

    /**
     * Stores the request with the ids of the inputs it wrote, in the writing transaction (after the inputs were
     * persisted). The same user's key taken meanwhile for another campaign (whose lock this transaction does not hold)
     * is a CONFLICT.
     */
    void remember(EntityManager em, Request request, List<InputEntity> written, long now) {
        em.flush(); // the inputs' ids
        String ids = written.stream().map(e -> Long.toString(e.getId())).collect(Collectors.joining(","));
        em.persist(new InputRequestEntity(request.username(), request.key(), request.campaignId(), request.fingerprint(), ids, now));
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                throw new SupervisionException(ProblemKind.CONFLICT, "幂等键已被使用",
                        "幂等键 " + request.key() + " 正被另一请求使用，请稍后重试", null);
            }
            throw e;
        }
    }

    private static List<Long> ids(String text) {
        List<Long> out = new ArrayList<>();
        for (String s : text.split(",")) {
            out.add(Long.parseLong(s));
        }
        return out;
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("UQ_INPUT_REQUEST") || m.contains("uq_input_request"))) {
                return true;
            }
        }
        return false;
    }

    /** After a keyed write: deletes expired keys unless this node did so within the hour. Never fails the write. */
    void pruneNow() {
        long now = clock.millis();
        long last = lastPrune.get();
        if (last != Long.MIN_VALUE && now - last < PRUNE_EVERY || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        try {
            prune(now);
        } catch (RuntimeException e) {
            LOG.warn("清理过期幂等键失败（下次写入时再试）: {}", e.toString());
            lastPrune.set(last);
        }
    }

    /** Deletes the keys stored before {@code now} − {@link #RETENTION}; answers how many. */
    int prune(long now) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("delete from InputRequestEntity r where r.createdAt < :cutoff")
                .setParameter("cutoff", now - RETENTION.toMillis()).executeUpdate());
    }
}
