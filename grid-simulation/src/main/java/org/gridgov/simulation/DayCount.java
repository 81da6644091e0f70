package org.gridgov.simulation;

import java.time.LocalDate;

/**
 * One local day: cases reported and closed that day, and what became of the cases reported that
 * day by the end of the run.
 *
 * @param closedOfReported cases reported this day that were closed by the end of the run
 * @param rejectedOfReported cases reported this day that registration refused
 * @param rejected reports registration refused this day
 * @param open cases open at the end of the day: reported since the run began and neither closed
 *     nor refused yet, the backlog (a backlog that keeps growing is a district that cannot keep
 *     up, as Baoshan's overloaded department could not); the last day's is the run's {@link
 *     SimulationResult#openAtEnd()}
 */
public record DayCount(LocalDate day, long reported, long closed, long closedOfReported,
    long rejectedOfReported, long rejected, long open) {}
