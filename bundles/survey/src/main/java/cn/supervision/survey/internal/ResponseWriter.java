package cn.supervision.survey.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.supervision.api.problem.ProblemKind;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.survey.QuestionnaireState;
import cn.supervision.api.survey.Receipt;
import cn.supervision.api.tx.LockRetry;
import cn.supervision.survey.internal.model.ResponseEntity;

/**
 * Group commit of responses: one thread writes every submission waiting at that moment in one transaction, so a burst
 * of respondents costs one log sync instead of one each, and each submitter is answered only once its response is
 * committed (acknowledged means durable). A group that fails (a duplicate racing in) is written again one by one, so
 * one refusal never takes another respondent's answer with it. Each group re-reads its questionnaires' states under a
 * share lock, so no answer is stored after a questionnaire was closed, whichever node closed it.
 */
final class ResponseWriter implements AutoCloseable {
    static final int MAX_GROUP = 256;
    private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);

    /** A submission waiting to be written; {@code tokenId} is consumed in the same transaction. */
    record Pending(ResponseEntity response, Long tokenId, String duplicate, CompletableFuture<Receipt> done) { }

    private final JpaTemplate jpa;
    private final LockRetry retry = LockRetry.standard();
    /** Told of a questionnaire found no longer open (closed on another node): the node's cache forgets it. */
    private final LongConsumer notOpen;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);
    private final Thread thread;
    private volatile boolean running = true;

    ResponseWriter(JpaTemplate jpa) {
        this(jpa, id -> { });
    }

    ResponseWriter(JpaTemplate jpa, LongConsumer notOpen) {
        this.jpa = jpa;
        this.notOpen = notOpen;
        this.thread = new Thread(this::run, "supervision-survey-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes one response (consuming its token) and waits until it is committed. */
    Receipt write(ResponseEntity response, Long tokenId, String duplicate) {
        Pending p = new Pending(response, tokenId, duplicate, new CompletableFuture<>());
        if (!running || !queue.offer(p)) {
            throw new SupervisionException(ProblemKind.BUSY, "服务繁忙", "提交的人太多，请稍后再试", null);
        }
        try {
            return p.done().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new SupervisionException(ProblemKind.BUSY, "服务繁忙", "提交未能在 60 秒内完成，请稍后查看是否已提交或重试", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SupervisionException(ProblemKind.BUSY, "服务停止", "平台正在停止，请稍后重试", null);
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                writeGroup(group);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.error("答卷写入出错", e);
                group.forEach(p -> p.done().completeExceptionally(e));
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new SupervisionException(ProblemKind.BUSY, "服务停止", "平台正在停止，请稍后重试", null)));
    }

    private static final String INSERT = "INSERT INTO SV_SURVEY_RESPONSE (QUESTIONNAIREID, UNITID, CHANNEL, CATEGORY, RATERUNITID,"
            + " RATERUSER, TOKENID, DEDUPEKEY, CLIENT, RESPONDENTNAME, RESPONDENTPHONE, ANSWERSJSON, SCORE, SUBMITTEDAT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Derby undoes only a failed statement, so there a duplicate is caught and the transaction goes on. PostgreSQL
     * aborts the whole transaction on it, and committing an aborted one (XA one-phase included) is a silent rollback;
     * savepoints do not help under production's XA pool (pgjdbc refuses rollback(Savepoint) while a branch is active).
     * There the insert skips a duplicate instead of failing: an update count of 0.
     */
    private static String insertFor(java.sql.Connection c) throws java.sql.SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL") ? INSERT + " ON CONFLICT DO NOTHING" : INSERT;
    }

    /** Whether the bound insert stored its row; false for a duplicate, whichever way the database reports it. */
    private static boolean inserted(java.sql.PreparedStatement insert) throws java.sql.SQLException {
        try {
            return insert.executeUpdate() == 1;
        } catch (java.sql.SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            return false;
        }
    }

    /**
     * The states of the group's questionnaires, read with a share lock held to commit ({@code FOR SHARE}; Derby: read
     * stability). Closing a questionnaire updates its row, so a close (on any node) waits for the groups writing to it,
     * and a group that starts after the close reads CLOSED: the public pages' cache of open questionnaires is per node,
     * and this one indexed read per group is what makes a close on one node hold on every other at once.
     */
    private static Map<Long, QuestionnaireState> states(java.sql.Connection c, Set<Long> ids) throws java.sql.SQLException {
        StringBuilder sql = new StringBuilder("SELECT ID, STATE FROM SV_QUESTIONNAIRE WHERE ID IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL") ? ") FOR SHARE" : ") WITH RS");
        Map<Long, QuestionnaireState> states = new HashMap<>();
        try (java.sql.PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 0;
            for (long id : ids) {
                s.setLong(++i, id);
            }
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    states.put(r.getLong(1), QuestionnaireState.valueOf(r.getString(2)));
                }
            }
        }
        return states;
    }

    /**
     * One transaction for the group, written with plain JDBC (the hot path: no managed entities to flush). A duplicate
     * is refused for its submitter alone, as is an answer to a questionnaire no longer open; any other failure rolls
     * the group back and writes its members one by one.
     */
    void writeGroup(List<Pending> group) {
        Map<Pending, RuntimeException> refused = new HashMap<>();
        Map<Pending, Long> written = new java.util.LinkedHashMap<>();
        Set<Long> closed = new HashSet<>();
        try {
            // the writer's own transaction, so a lock lost to another node's writer (or to Derby's identity generator,
            // which gives up at once when two writers insert together) is simply tried again
            retry.run(() -> jpa.tx(TransactionType.Required, em -> {
                refused.clear();
                written.clear();
                closed.clear();
                try (java.sql.Connection c = em.unwrap(java.sql.Connection.class);
                     java.sql.PreparedStatement use = c.prepareStatement("UPDATE SV_SURVEY_TOKEN SET USEDAT = ? WHERE ID = ? AND USEDAT IS NULL");
                     java.sql.PreparedStatement insert = c.prepareStatement(insertFor(c), java.sql.Statement.RETURN_GENERATED_KEYS)) {
                    Set<Long> questionnaires = new java.util.TreeSet<>();
                    group.forEach(p -> questionnaires.add(p.response().getQuestionnaireId()));
                    Map<Long, QuestionnaireState> states = states(c, questionnaires);
                    Set<String> keys = new HashSet<>();
                    for (Pending p : group) {
                        ResponseEntity r = p.response();
                        QuestionnaireState state = states.get(r.getQuestionnaireId());
                        if (state != QuestionnaireState.OPEN) {
                            closed.add(r.getQuestionnaireId());
                            refused.put(p, Questionnaires.notOpen(state == null ? QuestionnaireState.CLOSED : state));
                            continue;
                        }
                        if (!keys.add(r.getDedupeKey())) {
                            refused.put(p, SupervisionException.conflict(p.duplicate()));
                            continue;
                        }
                        if (p.tokenId() != null) {
                            use.setLong(1, r.getSubmittedAt());
                            use.setLong(2, p.tokenId());
                            if (use.executeUpdate() != 1) {
                                refused.put(p, new SupervisionException(ProblemKind.GONE, "填写码已使用", p.duplicate(), null));
                                continue;
                            }
                        }
                        bind(insert, r);
                        if (!inserted(insert)) {
                            refused.put(p, SupervisionException.conflict(p.duplicate()));
                            continue;
                        }
                        try (java.sql.ResultSet id = insert.getGeneratedKeys()) {
                            id.next();
                            written.put(p, id.getLong(1));
                        }
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        } catch (RuntimeException e) {
            if (group.size() > 1) {
                for (Pending p : group) {
                    writeGroup(List.of(p));
                }
                return;
            }
            Pending p = group.get(0);
            p.done().completeExceptionally(isUniqueViolation(e) ? SupervisionException.conflict(p.duplicate()) : e);
            return;
        }
        closed.forEach(notOpen::accept);
        refused.forEach((p, why) -> p.done().completeExceptionally(why));
        written.forEach((p, id) -> p.done().complete(new Receipt(id, p.response().getQuestionnaireId(),
                Instant.ofEpochMilli(p.response().getSubmittedAt()))));
    }

    private static void bind(java.sql.PreparedStatement s, ResponseEntity r) throws java.sql.SQLException {
        s.setLong(1, r.getQuestionnaireId());
        s.setLong(2, r.getUnitId());
        s.setString(3, r.getChannel());
        s.setString(4, r.getCategory());
        s.setObject(5, r.getRaterUnitId(), java.sql.Types.BIGINT);
        s.setString(6, r.getRaterUser());
        s.setObject(7, r.getTokenId(), java.sql.Types.BIGINT);
        s.setString(8, r.getDedupeKey());
        s.setString(9, r.getClient());
        s.setString(10, r.getRespondentName());
        s.setString(11, r.getRespondentPhone());
        s.setString(12, r.getAnswersJson());
        s.setBigDecimal(13, r.getScore());
        s.setLong(14, r.getSubmittedAt());
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("duplicate key") || m.contains("23505"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
