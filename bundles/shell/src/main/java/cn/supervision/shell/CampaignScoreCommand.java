package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.UnitResult;
import cn.supervision.api.problem.SupervisionException;

@Command(scope = "supervision", name = "campaign-score", description = "Scores a campaign from its current inputs (published: the results in force)")
@Service
public class CampaignScoreCommand implements Action {
    @Argument(index = 0, name = "id", required = true, description = "campaign id")
    long id;
    @Reference
    CampaignService campaigns;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Rank").alignRight();
            table.column("Unit");
            table.column("Total").alignRight();
            table.column("Grade");
            table.column("Duty").alignRight();
            table.column("Corroboration").alignRight();
            table.column("Check");
            table.column("Missing").alignRight();
            for (UnitResult r : campaigns.results(Operators.caller(session), id, null)) {
                table.addRow().addContent(r.rank(), r.unitName(), r.total(), r.grade(), r.dutyView(), r.corroborationView(),
                        r.flagged() ? "需核查" : "", r.missingInputs());
            }
            table.print(System.out);
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
        }
        return null;
    }
}
