package org.gridgov.simulation;

/**
 * A grid's or worker's operational figures over a run, for best-and-worst tables.
 *
 * @param id the grid code or worker id
 * @param name the grid's name in the territory (景芳社区 第1网格), or the worker's in the roster
 * @param received cases registered in the grid (refused reports are not cases), or assigned to
 *     or claimed by the worker
 * @param handled cases closed (for a grid: found there; for a worker: handled by them)
 * @param closureRate closed ÷ received (grids) or closed ÷ assigned (workers)
 * @param onTimeRate closed on time ÷ closed, 0 when nothing was closed ({@code handled} 0: the
 *     report shows "–")
 */
public record UnitScore(String id, String name, long received, long handled, double closureRate,
    double onTimeRate) {}
