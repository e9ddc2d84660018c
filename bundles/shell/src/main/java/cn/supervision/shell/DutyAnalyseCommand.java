package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.duty.AnalysisRun;
import cn.supervision.api.duty.DutyAnalysisService;
import cn.supervision.api.duty.ProposalState;

@Command(scope = "supervision", name = "duty-analyse",
        description = "Analyses a jurisdiction's duties and power-list items for overlaps and gaps between units (职责交叉与空白), stores the new proposals and lists those awaiting a decision")
@Service
public class DutyAnalyseCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "jurisdiction", required = true, description = "jurisdiction code, e.g. 370500")
    String jurisdiction;
    @Reference
    DutyAnalysisService analysis;

    @Override
    protected Object run() {
        AnalysisRun run = analysis.analyse(caller(), jurisdiction);
        System.out.println("分析 " + run.jurisdictionCode() + "：职责 " + run.duties() + " 项，权责事项 " + run.items() + " 项；新增交叉建议 "
                + run.newOverlaps() + " 条、空白建议 " + run.newGaps() + " 条，已提出过 " + run.known() + " 条；用时 " + run.millis() + " ms");
        DutyProposalListCommand.print(analysis.proposals(caller(), jurisdiction, null, ProposalState.PROPOSED));
        return null;
    }
}
