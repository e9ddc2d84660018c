package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.duty.DutyAnalysisService;
import cn.supervision.api.duty.DutyProposal;
import cn.supervision.api.duty.DutyRef;
import cn.supervision.api.duty.ProposalKind;
import cn.supervision.api.duty.ProposalState;

@Command(scope = "supervision", name = "duty-proposal-list",
        description = "Lists the duty analysis' proposals (职责交叉与空白) of a jurisdiction, most similar first")
@Service
public class DutyProposalListCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "jurisdiction", required = true, description = "jurisdiction code, e.g. 370500")
    String jurisdiction;
    @Completion(value = StringsCompleter.class, values = {"OVERLAP", "GAP"})
    @Option(name = "-k", aliases = "--kind", description = "only this kind: OVERLAP, GAP")
    String kind;
    @Completion(value = StringsCompleter.class, values = {"PROPOSED", "CONFIRMED", "DISMISSED"})
    @Option(name = "-s", aliases = "--state", description = "only this state: PROPOSED, CONFIRMED, DISMISSED")
    String state;
    @Reference
    DutyAnalysisService analysis;

    @Override
    protected Object run() {
        ProposalKind k;
        ProposalState s;
        try {
            k = kind == null ? null : ProposalKind.valueOf(kind.trim().toUpperCase());
            s = state == null ? null : ProposalState.valueOf(state.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            System.out.println("未知类型或状态（类型 OVERLAP、GAP；状态 PROPOSED、CONFIRMED、DISMISSED）");
            return null;
        }
        print(analysis.proposals(caller(), jurisdiction, k, s));
        return null;
    }

    static void print(List<DutyProposal> proposals) {
        ShellTable table = table("Id>", "Kind", "Similarity>", "First", "Second", "Shared terms", "State");
        for (DutyProposal p : proposals) {
            table.addRow().addContent(p.id(), p.kind().label(), String.format("%.3f", p.similarity()), side(p.first()),
                    p.second() == null ? "" : side(p.second()), String.join("、", p.sharedTerms()), p.state().label());
        }
        table.print(System.out);
    }

    private static String side(DutyRef r) {
        String name = r.unitName() == null ? String.valueOf(r.unitId()) : r.unitName();
        return r.itemId() != null ? name + " 事项 " + r.itemCode() : name + " #" + r.dutyNumber();
    }
}
