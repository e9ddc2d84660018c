package cn.supervision.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.supervision.api.campaign.InputSource;
import cn.supervision.api.followup.FindingState;

/** How figures, dates and states are written in the documents (Chinese, China's time zone). */
final class Texts {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Texts() {
    }

    /** 85.50 (two decimals, half up); "—" for none. */
    static String score(BigDecimal value) {
        return value == null ? "—" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** 12.5% of the whole (one decimal). */
    static String share(long part, long whole) {
        if (whole == 0) {
            return "0.0%";
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String date(LocalDate day) {
        return day == null ? "—" : DATE.format(day);
    }

    static String date(Instant at) {
        return at == null ? "—" : DATE.format(at.atZone(ZONE));
    }

    static String minute(Instant at) {
        return at == null ? "—" : MINUTE.format(at.atZone(ZONE));
    }

    static String source(InputSource source) {
        return switch (source) {
            case SELF_REPORT -> "单位自评";
            case OFFICE -> "编办录入";
            case EVALUATOR -> "评议组评定";
            case PEER_REVIEW -> "部门互评";
            case PUBLIC_EVALUATION -> "社会评议";
            case PLATFORM_DATA -> "平台数据";
        };
    }

    static String state(FindingState state) {
        return switch (state) {
            case OPEN -> "待整改";
            case IN_RECTIFICATION -> "整改中";
            case RECTIFIED -> "已整改";
            case WITHDRAWN -> "已撤销";
        };
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    static String brief(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
