package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.UnitResult;

@Command(scope = "supervision", name = "campaign-score", description = "Scores a campaign from its current inputs (published: the results in force)")
@Service
public class CampaignScoreCommand extends SupervisionAction {
    @Completion(CampaignCompleter.class)
    @Argument(index = 0, name = "id", required = true, description = "campaign id")
    long id;
    @Reference
    CampaignService campaigns;

    @Override
    protected Object run() {
        ShellTable table = table("Rank>", "Unit", "Total>", "Grade", "Duty>", "Corroboration>", "Check", "Missing>");
        for (UnitResult r : campaigns.results(caller(), id, null)) {
            table.addRow().addContent(r.rank(), r.unitName(), r.total(), r.grade(), r.dutyView(), r.corroborationView(),
                    r.flagged() ? "需核查" : "", r.missingInputs());
        }
        table.print(System.out);
        return null;
    }
}
