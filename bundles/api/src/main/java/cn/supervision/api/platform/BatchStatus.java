package cn.supervision.api.platform;

/** APPLIED: every row stored; DUPLICATE: this client batch id was applied before (nothing done); REJECTED: nothing stored. */
public enum BatchStatus { APPLIED, DUPLICATE, REJECTED }
