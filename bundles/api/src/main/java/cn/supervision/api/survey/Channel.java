package cn.supervision.api.survey;

/** How a response came in. */
public enum Channel { PEER, TOKEN, OPEN_LINK }
