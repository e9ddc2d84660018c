package cn.supervision.campaign.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignDeadlines;
import cn.supervision.api.campaign.Evidence;
import cn.supervision.api.campaign.InputRecord;
import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.indicator.IndicatorInput;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.campaign.internal.model.CampaignEntity;
import cn.supervision.campaign.internal.model.EvidenceEntity;
import cn.supervision.campaign.internal.model.InputEntity;

/** Rows to values and back: the JSON columns (plan, input, published results) and the API records read from rows. */
final class Records {
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static CampaignEntity find(EntityManager em, long id) {
        CampaignEntity e = em.find(CampaignEntity.class, id);
        if (e == null) {
            throw SupervisionException.notFound("监管活动 " + id + " 不存在");
        }
        return e;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Plan plan(CampaignEntity e) {
        try {
            return json.readValue(e.getPlanJson(), Plan.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored plan is not readable", ex);
        }
    }

    /** Stores {@code plan} as the campaign's and stamps who changed it when. */
    void stamp(CampaignEntity e, Plan plan, String username, long now) {
        e.setPlanJson(write(plan));
        e.setUpdatedAt(now);
        e.setUpdatedBy(username);
    }

    Campaign campaign(CampaignEntity e) {
        Plan p = plan(e);
        return new Campaign(e.getId(), e.getJurisdictionCode(), e.getKind(), p.title(), p.description(), p.period(),
                p.systems(), p.categories(), p.collectionDeadline(), p.scoringDeadline(), p.targetUnitIds(), p.workingGroup(), e.getState(),
                e.getRolledFrom(), Instant.ofEpochMilli(e.getCreatedAt()), e.getCreatedBy(), Instant.ofEpochMilli(e.getUpdatedAt()),
                e.getUpdatedBy(), p.latePolicy());
    }

    List<UnitResult> results(String text) {
        try {
            return json.readValue(text, new TypeReference<List<UnitResult>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored results are not readable", e);
        }
    }

    /** Absent fields read back as null: a result tree has many null rules, standards and sources, a fifth fewer tokens. */
    private final com.fasterxml.jackson.databind.ObjectWriter packing = json.copy()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).writer();

    /**
     * A unit's live result as stored in its snapshot row: gzipped JSON, a seventh of the text's size (a province's
     * campaign is some 17 MB of results as text, and reading that back from Derby was most of a restart's first answer).
     */
    byte[] packedResult(UnitResult r) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(4096);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(bytes)) {
            packing.writeValue(zip, r);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    UnitResult unpackedResult(byte[] packed) {
        try (java.util.zip.GZIPInputStream zip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packed))) {
            return json.readValue(zip, UnitResult.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored result is not readable", e);
        }
    }

    UnitResult result(String text) {
        try {
            return json.readValue(text, UnitResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result is not readable", e);
        }
    }

    IndicatorInput input(InputEntity e) {
        return input(e.getInputJson());
    }

    IndicatorInput input(String text) {
        try {
            return json.readValue(text, IndicatorInput.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored input is not readable", ex);
        }
    }

    InputRecord record(InputEntity e) {
        return new InputRecord(e.getId(), e.getCampaignId(), e.getUnitId(), e.getCode(), input(e), e.getSource(), e.getExplanation(),
                e.getEnteredBy(), Instant.ofEpochMilli(e.getEnteredAt()), e.getReview(), e.getReviewNote(), e.getReviewedBy());
    }

    /** With the late marker: a self-report entered after the campaign's collection deadline. */
    InputRecord record(InputEntity e, Campaign c) {
        InputRecord r = record(e);
        boolean late = e.getSource() == InputSource.SELF_REPORT && late(c, e.getEnteredAt());
        return late ? new InputRecord(r.id(), r.campaignId(), r.unitId(), r.code(), r.input(), r.source(), r.explanation(),
                r.enteredBy(), r.enteredAt(), r.review(), r.reviewNote(), r.reviewedBy(), true) : r;
    }

    /** Whether {@code at} (epoch millis) is after the end of the collection deadline day in Asia/Shanghai. */
    static boolean late(Campaign c, long at) {
        Instant end = CampaignDeadlines.endOf(c.collectionDeadline());
        return end != null && at >= end.toEpochMilli();
    }

    static Evidence evidence(EvidenceEntity e) {
        return new Evidence(e.getId(), e.getInputId(), e.getFileName(), e.getContentType(), e.getSize(), e.getSha256(), e.getUploadedBy(),
                Instant.ofEpochMilli(e.getUploadedAt()));
    }
}
