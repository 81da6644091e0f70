package org.gridgov.simulation;

import java.time.LocalDate;

/**
 * One local day: cases reported and closed that day, and what became of the cases reported that day
 * by the end of the run.
 *
 * @param closed closings this day: a case reopened after the callback counts at each closing, so
 *     these add up to {@link SimulationResult#closed()} (cases closed at the end) plus {@link
 *     SimulationResult#reopened()}
 * @param closedOfReported cases reported this day that were closed by the end of the run
 * @param rejectedOfReported cases reported this day that registration refused
 * @param rejected reports registration refused this day
 * @param reopened closed cases the centre reopened this day after the callback (重办)
 * @param open cases open at the end of the day: reported since the run began and neither closed nor
 *     refused yet, or reopened since they were closed; the backlog (a backlog that keeps growing is
 *     a district that cannot keep up, as Baoshan's overloaded department could not); the last day's
 *     is the run's {@link SimulationResult#openAtEnd()}
 */
public record DayCount(
    LocalDate day,
    long reported,
    long closed,
    long closedOfReported,
    long rejectedOfReported,
    long rejected,
    long reopened,
    long open) {}
