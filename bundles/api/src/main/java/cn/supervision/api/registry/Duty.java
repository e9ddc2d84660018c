package cn.supervision.api.registry;

import java.util.List;

/**
 * One numbered main duty of a three-determinations mandate (三定规定的主要职责). {@code id} is stable across mandate
 * revisions: the registry assigns it and keeps it when a revision rewords or renumbers the duty; drafts may leave it
 * null (the registry matches by id, then by identical text, then by number) or give it to say "this is that duty".
 * {@code type} may be null for mandates not yet typed.
 */
public record Duty(Long id, int number, String text, DutyType type, List<DutyLink> links) {

    public Duty {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** An untyped duty without links, as older mandates carry them. */
    public Duty(int number, String text) {
        this(null, number, text, null, List.of());
    }
}
