package cn.supervision.rectification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.problem.FieldError;
import cn.supervision.rectification.internal.model.NoticeEntity;

/** The wording every step shares: blank is absent, limits name themselves, a notice is cited by its number. */
class TextsTest {
    @Test
    void blankIsAbsentAndTextIsStripped() {
        assertNull(Texts.trim(null));
        assertNull(Texts.trim(" \t\u3000\n"));
        assertEquals("整改报告", Texts.trim("  整改报告\n"));
    }

    @Test
    void requiredNamesTheFieldAndTheLimit() {
        List<FieldError> errors = new ArrayList<>();
        Texts.required(errors, "measures", null, 10);
        Texts.required(errors, "notes", "一二三四五六七八九十十一", 10);
        Texts.required(errors, "reason", "一二三四五六七八九十", 10);
        assertEquals(List.of(new FieldError("measures", "必填"), new FieldError("notes", "不能超过 10 字")), errors);
    }

    @Test
    void descriptionsAreCutAtFortyCharacters() {
        String forty = "问".repeat(40);
        assertEquals(forty, Texts.abbreviate(forty));
        assertEquals(forty + "…", Texts.abbreviate(forty + "题"));
        assertEquals("", Texts.abbreviate(null));
    }

    @Test
    void aNoticeIsCitedByYearAndSequence() {
        NoticeEntity n = new NoticeEntity("370522", 2026, 7, 11, "LJSWJ", "利津县水务局", 0, 30, "材料", "t", 0);
        assertEquals("〔2026〕7号", Texts.number(n));
        assertEquals("/v1/rectifications/42", Texts.link(42));
    }
}
