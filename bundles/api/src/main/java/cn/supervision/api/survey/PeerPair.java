package cn.supervision.api.survey;

/** One line of the peer-review relation matrix: {@code raterUnitId} rates {@code ratedUnitId} (never itself). */
public record PeerPair(long raterUnitId, long ratedUnitId) { }
