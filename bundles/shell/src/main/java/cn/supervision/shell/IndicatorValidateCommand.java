package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.indicator.IndicatorSystemService;
import cn.supervision.api.indicator.ValidationProblem;

@Command(scope = "supervision", name = "indicator-validate", description = "Validates an indicator system and lists every problem")
@Service
public class IndicatorValidateCommand extends SupervisionAction {
    @Completion(IndicatorSystemCompleter.class)
    @Argument(index = 0, name = "id", required = true, description = "indicator system id")
    long id;
    @Reference
    IndicatorSystemService systems;

    @Override
    protected Object run() {
        List<ValidationProblem> problems = systems.validate(systems.get(caller(), id).definition());
        if (problems.isEmpty()) {
            System.out.println("无问题 (valid)");
        }
        problems.forEach(p -> System.out.println(p.severity() + "  " + p.path() + "  " + p.message()));
        return null;
    }
}
