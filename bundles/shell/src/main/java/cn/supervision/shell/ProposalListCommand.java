package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.proposal.Proposal;
import cn.supervision.api.proposal.ProposalService;
import cn.supervision.api.proposal.ProposalState;

@Command(scope = "supervision", name = "proposal-list", description = "Lists establishment proposals (机构编制处理意见) of a jurisdiction, or every one the operator may read")
@Service
public class ProposalListCommand extends SupervisionAction {
    @Completion(JurisdictionCompleter.class)
    @Argument(index = 0, name = "code", description = "jurisdiction code (default: every jurisdiction)")
    String code;
    @Completion(value = StringsCompleter.class, values = {"DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "APPLIED"})
    @Option(name = "-s", aliases = "--state", description = "only this state: DRAFT, SUBMITTED, RETURNED, APPROVED, APPLIED")
    String state;
    @Reference
    ProposalService proposals;

    @Override
    protected Object run() {
        ProposalState only;
        try {
            only = state == null ? null : ProposalState.valueOf(state.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            System.out.println("未知状态 " + state + "（DRAFT、SUBMITTED、RETURNED、APPROVED、APPLIED）");
            return null;
        }
        ShellTable table = table("Id>", "Jurisdiction", "Number", "Title", "State", "Findings>", "Changes>", "Updated");
        for (Proposal p : proposals.list(caller(), code, only)) {
            table.addRow().addContent(p.id(), p.jurisdictionCode(), p.documentNumber() == null ? "" : p.documentNumber(),
                    p.title(), p.state(), p.grounds().size(), p.changes().size(), p.updatedAt());
        }
        table.print(System.out);
        return null;
    }
}
