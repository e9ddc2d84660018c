package cn.supervision.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.supervision.api.registry.Duty;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Staffing;

class MandatesTest {

    @Test
    void theSameStoredTextIsParsedOnceAndChangedTextIsReadAfresh() {
        Mandate m = new Mandate(List.of(new Duty(null, 1, "负责全市财政收支管理。", null, null)), List.of("办公室"), new Staffing(30, 0, 5));
        String stored = RegistryJson.write(m);
        Mandate first = Mandates.of(stored);
        assertEquals(m, first);
        assertSame(first, Mandates.of(new String(stored))); // an equal text read from another row or query
        // duty ids written back without a new revision: the text differs, so does the mandate
        Mandate withIds = new Mandate(List.of(new Duty(7L, 1, "负责全市财政收支管理。", null, null)), List.of("办公室"), new Staffing(30, 0, 5));
        assertEquals(7L, Mandates.of(RegistryJson.write(withIds)).duties().get(0).id());
    }

    @Test
    void unreadableTextStillFailsAsBefore() {
        assertThrows(IllegalStateException.class, () -> Mandates.of("{\"duties\": ["));
    }
}
