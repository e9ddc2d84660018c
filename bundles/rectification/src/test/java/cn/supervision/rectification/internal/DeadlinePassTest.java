package cn.supervision.rectification.internal;

import static cn.supervision.rectification.internal.Fixture.LIJIN;
import static cn.supervision.rectification.internal.Fixture.LIJIN_SWJ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.supervision.api.rectification.EscalationKind;
import cn.supervision.api.rectification.EscalationState;
import cn.supervision.api.rectification.Item;
import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.Notice;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.rectification.PlanDraft;
import cn.supervision.api.rectification.UnitRectificationStatus;
import cn.supervision.api.schedule.PassResult;

/** The daily pass under a clock the test moves: reminders once, OVERDUE as a state, the escalation rule, idempotence. */
class DeadlinePassTest {
    private Fixture f;
    private DeadlinePass pass;

    @BeforeEach
    void start() {
        f = new Fixture();
        pass = new DeadlinePass(f.service);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private PassResult runOn(LocalDate day) {
        f.clock.set(day);
        return pass.run(f.clock.instant());
    }

    private Notice notice(LocalDate deadline) {
        long a = f.finding(11, "370522", "防汛应急预案未按职责修订");
        long b = f.finding(11, "370522", "河长制巡查记录不全");
        return f.service.issue(LIJIN, f.draft(11, deadline, a, b));
    }

    @Test
    void remindsTheUnitOnceWhenTheDeadlineComesNear() {
        LocalDate issued = f.today();
        Notice n = notice(issued.plusDays(20));
        assertEquals("rectification-deadlines", pass.name());
        assertEquals(0, runOn(issued.plusDays(12)).changed(), "8 days before: outside the 7-day window");
        assertEquals(List.of(), f.sent("RECTIFICATION_DUE"));
        PassResult first = runOn(issued.plusDays(13));
        assertEquals(2, first.examined());
        assertEquals(2, first.changed());
        assertEquals(1, f.sent("RECTIFICATION_DUE").size(), "one message per notice naming its items");
        assertEquals("unit:370522/LJSWJ", f.sent("RECTIFICATION_DUE").get(0).to());
        assertTrue(f.sent("RECTIFICATION_DUE").get(0).message().body().contains(n.deadline().toString()));
        assertEquals(0, runOn(issued.plusDays(13)).changed(), "the same day again");
        assertEquals(0, runOn(issued.plusDays(15)).changed(), "a later day inside the window");
        assertEquals(1, f.sent("RECTIFICATION_DUE").size());
        f.settings.setRemindDaysBefore(30);
        long c = f.finding(12, "370522", "课后服务经费管理不规范");
        f.clock.set(issued);
        f.service.issue(LIJIN, new cn.supervision.api.rectification.NoticeDraft("370522", 12L, List.of(c), issued.plusDays(20), "材料"));
        runOn(issued.plusDays(1));
        assertEquals(2, f.sent("RECTIFICATION_DUE").size(), "the configured window");
    }

    @Test
    void marksOverdueAsAStateTellsTheOfficeOnceAndProposesATalkByRule() {
        LocalDate issued = f.today();
        Notice n = notice(issued.plusDays(10));
        long i1 = n.items().get(0).id();
        long i2 = n.items().get(1).id();
        f.service.plan(LIJIN_SWJ, n.id(), i2, new PlanDraft("补齐记录", "李四", issued.plusDays(5)));
        f.service.attachItemEvidence(LIJIN_SWJ, n.id(), i2, "记录.pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
        f.service.claim(LIJIN_SWJ, n.id(), i2, "已补齐");

        assertEquals(0, runOn(issued.plusDays(10)).changed() - f.sent("RECTIFICATION_DUE").size(),
                "the deadline day itself is not late with the default grace of 1 day");
        assertEquals(ItemState.NOTIFIED, f.service.get(LIJIN, n.id()).items().get(0).state());

        PassResult late = runOn(issued.plusDays(11));
        assertEquals(1, late.changed());
        Notice after = f.service.get(LIJIN, n.id());
        assertEquals(NoticeState.OVERDUE, after.state());
        assertEquals(ItemState.OVERDUE, after.items().get(0).state());
        assertEquals(issued.plusDays(11), after.items().get(0).overdueSince());
        assertEquals(ItemState.CLAIMED, after.items().get(1).state(), "a claim awaiting review is not the unit's lateness");
        assertEquals(List.of("office:370522", "unit:370522/LJSWJ"),
                f.sent("RECTIFICATION_OVERDUE").stream().map(Fixture.Sent::to).toList());
        assertEquals(0, runOn(issued.plusDays(11)).changed(), "idempotent the same day");
        assertEquals(2, f.sent("RECTIFICATION_OVERDUE").size());

        // the unit keeps working: still OVERDUE (a fact), until it claims
        f.clock.set(issued.plusDays(12));
        assertEquals(ItemState.OVERDUE, f.service.progress(LIJIN_SWJ, n.id(), i1, "正在修订").state());

        assertEquals(0, runOn(issued.plusDays(25)).changed(), "14 days overdue: no proposal yet");
        assertEquals(List.of(), f.service.get(LIJIN, n.id()).escalations());
        PassResult rule = runOn(issued.plusDays(26));
        assertEquals(1, rule.changed());
        var proposed = f.service.get(LIJIN, n.id()).escalations();
        assertEquals(1, proposed.size());
        assertEquals(EscalationKind.ADMONITORY_TALK, proposed.get(0).kind());
        assertEquals(EscalationState.PROPOSED, proposed.get(0).state());
        assertNull(proposed.get(0).date());
        assertEquals(1, f.sent("RECTIFICATION_ESCALATION_PROPOSED").size());
        assertEquals(0, runOn(issued.plusDays(27)).changed(), "once per notice");

        var held = f.service.confirm(LIJIN, n.id(), proposed.get(0).id(), new cn.supervision.api.rectification.EscalationDraft(null,
                issued.plusDays(27), "县委编办主任；县水务局局长", "约谈纪要", null));
        assertEquals(EscalationState.RECORDED, held.state());
        assertEquals(issued.plusDays(27), held.date());
        assertEquals(0, runOn(issued.plusDays(40)).changed(), "nothing more once the talk is held");
    }

    @Test
    void theYearsFiguresAndTheOverdueItemsAddUpAcrossNoticesAndUnits() {
        LocalDate issued = f.today();
        Notice late = notice(issued.plusDays(10));
        Notice inTime = notice(issued.plusDays(30));
        long c = f.finding(12, "370522", "课后服务经费管理不规范");
        Notice other = f.service.issue(LIJIN, f.draft(12, issued.plusDays(10), c));
        runOn(issued.plusDays(11));

        List<UnitRectificationStatus> status = f.service.statusByUnit(LIJIN, "370522", issued.getYear());
        assertEquals(List.of(11L, 12L), status.stream().map(UnitRectificationStatus::unitId).toList());
        UnitRectificationStatus swj = status.get(0);
        assertEquals(List.of(2, 4, 0, 2, 4, 0), List.of(swj.notices(), swj.items(), swj.closedItems(), swj.overdueItems(), swj.openItems(),
                swj.escalations()), "two notices of one unit, one of them late");
        UnitRectificationStatus jyj = status.get(1);
        assertEquals(List.of(1, 1, 0, 1, 1, 0), List.of(jyj.notices(), jyj.items(), jyj.closedItems(), jyj.overdueItems(), jyj.openItems(),
                jyj.escalations()));
        assertEquals(List.of(), f.service.statusByUnit(LIJIN, "370522", issued.getYear() + 1));

        List<Long> lateItems = List.of(late.items().get(0).id(), late.items().get(1).id(), other.items().get(0).id());
        assertEquals(lateItems, f.service.overdue(LIJIN, "370522").stream().map(Item::id).toList(), "by notice, then item");
        assertEquals(lateItems.subList(0, 2), f.service.overdue(LIJIN_SWJ, "370522").stream().map(Item::id).toList(),
                "a unit sees its own");
        assertEquals(ItemState.NOTIFIED, f.service.get(LIJIN, inTime.id()).items().get(0).state());
    }

    @Test
    void graceAndRuleComeFromTheSettings() {
        f.settings.setOverdueGraceDays(0);
        f.settings.setEscalateAfterOverdueDays(0);
        LocalDate today = f.today();
        Notice n = notice(today);
        PassResult r = runOn(today);
        assertEquals(NoticeState.OVERDUE, f.service.get(LIJIN, n.id()).state(), "grace 0: late on the deadline day");
        assertEquals(3, r.changed(), "two items overdue and one proposal");
        assertEquals(1, f.service.get(LIJIN, n.id()).escalations().size());
        var dismissed = f.service.dismiss(LIJIN, n.id(), f.service.get(LIJIN, n.id()).escalations().get(0).id(), "单位已说明客观原因");
        assertEquals(EscalationState.DISMISSED, dismissed.state());
        f.settings.setEscalateAfterOverdueDays(-1);
        long c = f.finding(12, "370522", "另一个单位的问题");
        Notice other = f.service.issue(LIJIN, new cn.supervision.api.rectification.NoticeDraft("370522", 12L, List.of(c), today, "材料"));
        runOn(today);
        assertEquals(List.of(), f.service.get(LIJIN, other.id()).escalations(), "negative: the rule is off");
    }
}
