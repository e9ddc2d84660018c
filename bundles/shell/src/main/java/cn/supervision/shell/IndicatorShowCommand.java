package cn.supervision.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.indicator.Adjustment;
import cn.supervision.api.indicator.Indicator;
import cn.supervision.api.indicator.IndicatorSystem;
import cn.supervision.api.indicator.IndicatorSystemService;

@Command(scope = "supervision", name = "indicator-show", description = "Shows the tree of an indicator system")
@Service
public class IndicatorShowCommand extends SupervisionAction {
    @Completion(IndicatorSystemCompleter.class)
    @Argument(index = 0, name = "id", required = true, description = "indicator system id")
    long id;
    @Reference
    IndicatorSystemService systems;

    @Override
    protected Object run() {
        IndicatorSystem s = systems.get(caller(), id);
        var d = s.definition();
        System.out.println(d.name() + " (" + d.year() + ", v" + s.version() + ", " + s.status() + ", " + d.aggregation()
                + ", base " + d.baseMax().stripTrailingZeros().toPlainString()
                + (d.specificMax() == null ? "" : " + specific " + d.specificMax().stripTrailingZeros().toPlainString()) + ")");
        print(d.indicators(), "");
        for (Adjustment a : d.adjustments()) {
            System.out.println("  [" + a.kind() + "] " + a.code() + " " + a.name()
                    + (a.cap() == null ? "" : " (cap " + a.cap().stripTrailingZeros().toPlainString() + ")")
                    + (a.vetoEffect() == null ? "" : " → " + a.vetoEffect()));
        }
        return null;
    }

    private static void print(List<Indicator> nodes, String indent) {
        for (int i = 0; i < nodes.size(); i++) {
            Indicator n = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            System.out.println(indent + (last ? "└─ " : "├─ ") + n.code() + " " + n.name() + "  "
                    + n.weight().stripTrailingZeros().toPlainString()
                    + (n.leaf() ? "  [" + (n.category() == null ? "?" : n.category()) + ", "
                    + (n.rule() == null ? "no rule" : n.rule().type()) + "]" : ""));
            print(n.children(), indent + (last ? "   " : "│  "));
        }
    }
}
