package cn.supervision.api.registry;

import java.util.List;

/** The three-determinations mandate of a unit: main duties, internal bodies, staffing. */
public record Mandate(List<Duty> duties, List<String> internalBodies, Staffing staffing) {
    public static final Mandate EMPTY = new Mandate(List.of(), List.of(), Staffing.NONE);

    public Mandate {
        duties = duties == null ? List.of() : List.copyOf(duties);
        internalBodies = internalBodies == null ? List.of() : List.copyOf(internalBodies);
        staffing = staffing == null ? Staffing.NONE : staffing;
    }
}
