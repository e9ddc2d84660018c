package cn.supervision.api.survey;

/** For a rating unit: a unit it is asked to rate, and whether it has. */
public record PeerTask(long questionnaireId, long ratedUnitId, String ratedUnitName, boolean done) { }
