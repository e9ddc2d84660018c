package cn.supervision.duty.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TermAnalyzerTest {
    private final TermAnalyzer analyzer = new TermAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    @Test
    void officeWordsGoAndWhatTheDutyIsAboutStays() {
        List<String> terms = analyzer.terms("负责全市食品安全监督管理综合协调，组织开展食品安全监督抽检和风险监测。");
        assertTrue(terms.containsAll(List.of("食品", "安全", "风险", "监测")), terms.toString());
        for (String office : List.of("负责", "全市", "监督", "管理", "组织", "开展", "协调", "综合")) {
            assertFalse(terms.contains(office), office + " in " + terms);
        }
        assertTrue(terms.contains("抽检"), "单字串 抽/检 joined back: " + terms);
    }

    @Test
    void theClosingDutyOfEveryMandateHasNoTermsAndHotlineNumbersStay() {
        assertEquals(List.of(), analyzer.terms("完成市委、市政府交办的其他任务。"));
        List<String> terms = analyzer.terms("负责受理和处理市场监管领域投诉举报，承担12315热线工单办理工作。");
        assertTrue(terms.contains("12315") && terms.contains("工单") && terms.contains("热线"), terms.toString());
        assertFalse(analyzer.terms("负责第1、2项").stream().anyMatch(t -> t.chars().allMatch(Character::isDigit)));
    }

    @Test
    void itemBoilerplateIsNoTerm() {
        List<String> terms = analyzer.terms("交通运输领域涉嫌犯罪案件移送");
        assertFalse(terms.contains("犯罪") || terms.contains("移送") || terms.contains("案件"), terms.toString());
    }
}
