package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.survey.Progress;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.SurveyService;

@Command(scope = "supervision", name = "questionnaire-list", description = "Lists a campaign's questionnaires (问卷) with their progress")
@Service
public class QuestionnaireListCommand extends SupervisionAction {
    @Completion(CampaignCompleter.class)
    @Argument(index = 0, name = "campaign", description = "campaign id", required = true)
    long campaignId;
    @Reference
    SurveyService surveys;

    @Override
    protected Object run() {
        ShellTable table = table("Id>", "Kind", "Title", "State", "Responses>", "Excluded>", "Sample reached");
        for (Questionnaire q : surveys.list(caller(), campaignId)) {
            Progress p = surveys.progress(caller(), q.id());
            long reached = p.units().stream().filter(Progress.UnitProgress::sampleReached).count();
            table.addRow().addContent(q.id(), q.definition().kind().category().label(), q.definition().title(), q.state(),
                    p.responses(), p.excluded(), reached + "/" + p.units().size());
        }
        table.print(System.out);
        return null;
    }
}
