package cn.supervision.rectification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.supervision.api.rectification.ItemState;
import cn.supervision.api.rectification.NoticeState;
import cn.supervision.api.schedule.PassResult;
import cn.supervision.rectification.internal.model.ItemEntity;
import cn.supervision.rectification.internal.model.NoticeEntity;

/**
 * The daily pass over 1 000 units × 5 years of rectification (a notice of 3 items per unit and year: four closed years
 * and the current one open), on the day every open item goes overdue and the escalation rule fires — the worst day.
 * {@code mvn -P bench -pl bundles/rectification test} → target/bench.txt.
 */
@Tag("bench")
class DeadlinePassBench {

    @Test
    void thousandUnitsFiveYears() throws Exception {
        try (Fixture f = new Fixture()) {
            LocalDate today = f.today();
            f.jpa.tx(TransactionType.Required, em -> {
                for (int unit = 1; unit <= 1000; unit++) {
                    for (int year = 0; year < 5; year++) {
                        boolean current = year == 4;
                        LocalDate issued = today.minusYears(4 - year).minusDays(40);
                        NoticeEntity n = new NoticeEntity("370522", issued.getYear(), unit, unit, "U" + unit, "单位" + unit,
                                issued.toEpochDay(), issued.plusDays(30).toEpochDay(), "材料", "bench", 0);
                        if (!current) {
                            n.setState(NoticeState.CLOSED);
                        }
                        em.persist(n);
                        em.flush();
                        for (int i = 0; i < 3; i++) {
                            ItemEntity item = new ItemEntity(n.getId(), unit * 10L + i, "问题 " + i);
                            if (!current) {
                                item.setState(ItemState.CLOSED);
                            }
                            em.persist(item);
                        }
                    }
                }
            });
            f.settings.setEscalateAfterOverdueDays(0);
            DeadlinePass pass = new DeadlinePass(f.service);
            long start = System.nanoTime();
            PassResult first = pass.run(f.clock.instant());
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            PassResult second = pass.run(f.clock.instant());
            long secondMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(3000, first.examined());
            assertEquals(4000, first.changed(), "3 000 items overdue and 1 000 talks proposed");
            assertEquals(0, second.changed());
            String line = "rectification-deadlines over 1 000 units x 5 years (5 000 notices, 15 000 items, 1 000 open): "
                    + "worst day (every open item overdue, 1 000 talks proposed, 2 000 messages) " + firstMillis + " ms; "
                    + "the same day again (nothing to do) " + secondMillis + " ms\n";
            Files.writeString(Path.of("target/bench.txt"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertTrue(firstMillis < 60_000, line);
        }
    }
}
