package cn.supervision.rectification.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.notification.Message;
import cn.supervision.testing.fakes.FakeNotificationService;

/** A recorded step stays recorded whatever the notifier does: its failure is logged, and the next message still goes. */
class MessengerTest {
    @Test
    void aFailingSendIsSwallowedAndTheNextOneStillGoes() {
        List<String> delivered = new ArrayList<>();
        Messenger messenger = new Messenger(new FakeNotificationService() {
            @Override
            public int toOffice(String jurisdictionCode, Message message) {
                throw new IllegalStateException("mail server down");
            }

            @Override
            public int toUnit(String jurisdictionCode, String unitCode, Message message) {
                delivered.add(unitCode + ":" + message.category());
                return 1;
            }
        });
        Message m = new Message("RECTIFICATION_OVERDUE", "整改逾期", "正文", "/v1/rectifications/1");
        messenger.tell(to -> to.toOffice("370522", m));
        messenger.tell(to -> to.toUnit("370522", "LJSWJ", m));
        assertEquals(List.of("LJSWJ:RECTIFICATION_OVERDUE"), delivered);
    }

    @Test
    void aMessageThatCannotBeBuiltIsSwallowedToo() {
        Messenger messenger = new Messenger(new FakeNotificationService());
        assertDoesNotThrow(() -> messenger.tell(to -> {
            throw new IllegalArgumentException("bad message");
        }));
    }
}
