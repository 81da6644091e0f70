package org.gridgov.simulation;

/**
 * One local hour of the day over the whole run: how many reports, registrations, replies and
 * closings happened in it. Reports come at any hour; the other three are the centre's and the
 * handlers' steps, which gather in their working hours when they keep any ({@link
 * Behaviour#centreHours}, {@link Behaviour#workerHours}).
 *
 * @param hour the local hour, 0 to 23, in the run's zone
 * @param reported reports made in this hour
 * @param registered reports registered (立案) in this hour
 * @param replied handlers' replies (feedback, a rework's included) in this hour
 * @param closed closings in this hour (a case reopened and closed again counts twice)
 */
public record HourCount(int hour, long reported, long registered, long replied, long closed) {}
