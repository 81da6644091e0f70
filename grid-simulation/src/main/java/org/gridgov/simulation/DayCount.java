package org.gridgov.simulation;

import java.time.LocalDate;

/**
 * One local day: cases reported and closed that day, and what became of the cases reported that
 * day by the end of the run.
 *
 * @param closedOfReported cases reported this day that were closed by the end of the run
 * @param rejectedOfReported cases reported this day that registration refused
 */
public record DayCount(LocalDate day, long reported, long closed, long closedOfReported,
    long rejectedOfReported) {}
