package org.gridgov.simulation;

import java.time.LocalDate;

/** Cases reported and closed on one local day. */
public record DayCount(LocalDate day, long reported, long closed) {}
