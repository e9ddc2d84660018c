package cn.supervision.api.schedule;

import java.time.Instant;
import java.util.List;

/** What one run of a pass looked at and changed, for the run history and the shell. */
public record PassResult(String pass, Instant ranAt, long examined, long changed, long millis, List<String> notes, String failure) {
}
