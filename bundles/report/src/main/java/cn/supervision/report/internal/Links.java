package cn.supervision.report.internal;

import java.util.List;

import cn.supervision.api.report.LinkedFinding;
import cn.supervision.api.report.LinkedScore;
import cn.supervision.api.report.LinkedUnit;

/** What a report is about, resolved when drafted and stored whole as JSON. */
record Links(List<LinkedFinding> findings, List<LinkedUnit> units, List<Long> campaignIds, List<LinkedScore> scores) {
}
