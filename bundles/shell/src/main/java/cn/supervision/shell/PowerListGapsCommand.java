package cn.supervision.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.supervision.api.duty.PowerItem;
import cn.supervision.api.duty.PowerListGaps;
import cn.supervision.api.duty.PowerListService;
import cn.supervision.api.registry.DutyRecord;

@Command(scope = "supervision", name = "power-list-gaps",
        description = "Shows what does not line up between a unit's current power list and its active main duties")
@Service
public class PowerListGapsCommand extends SupervisionAction {
    @Completion(UnitCompleter.class)
    @Argument(index = 0, name = "unitId", description = "unit id", required = true)
    long unitId;
    @Reference
    PowerListService lists;

    @Override
    protected Object run() {
        PowerListGaps gaps = lists.gaps(caller(), unitId);
        System.out.println("现行清单 " + gaps.items() + " 个事项，现行主要职责 " + gaps.duties() + " 项");
        System.out.println("未对应主要职责的事项：" + gaps.itemsWithoutDuty().size());
        for (PowerItem i : gaps.itemsWithoutDuty()) {
            System.out.println("  " + i.code() + "  " + i.name() + (i.dutyNumber() == null ? "" : "  （原对应职责 " + i.dutyNumber() + "，已取消）"));
        }
        System.out.println("没有事项的主要职责：" + gaps.dutiesWithoutItems().size());
        for (DutyRecord d : gaps.dutiesWithoutItems()) {
            System.out.println("  " + d.number() + ". " + d.text() + (d.type() == null ? "" : "（" + d.type().label() + "）"));
        }
        return null;
    }
}
