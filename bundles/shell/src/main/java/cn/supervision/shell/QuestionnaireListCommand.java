package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.survey.Progress;
import cn.supervision.api.survey.Questionnaire;
import cn.supervision.api.survey.SurveyService;

@Command(scope = "supervision", name = "questionnaire-list", description = "Lists a campaign's questionnaires (问卷) with their progress")
@Service
public class QuestionnaireListCommand implements Action {
    @Argument(index = 0, name = "campaign", description = "campaign id", required = true)
    long campaignId;
    @Reference
    SurveyService surveys;
    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Id").alignRight();
            table.column("Kind");
            table.column("Title");
            table.column("State");
            table.column("Responses").alignRight();
            table.column("Excluded").alignRight();
            table.column("Sample reached");
            for (Questionnaire q : surveys.list(Operators.caller(session), campaignId)) {
                Progress p = surveys.progress(Operators.caller(session), q.id());
                long reached = p.units().stream().filter(Progress.UnitProgress::sampleReached).count();
                table.addRow().addContent(q.id(), q.definition().kind().category().label(), q.definition().title(), q.state(),
                        p.responses(), p.excluded(), reached + "/" + p.units().size());
            }
            table.print(System.out);
        } catch (SupervisionException e) {
            System.out.println(e.title() + "：" + e.getMessage());
        }
        return null;
    }
}
