package org.gridgov.simulation;

import java.util.OptionalDouble;

/**
 * A grid's or worker's operational figures over a run, for best-and-worst tables.
 *
 * @param id the grid code or worker id
 * @param name the grid's name in the territory (景芳社区 第1网格), or the worker's in the roster
 * @param received cases registered in the grid (refused reports are not cases), or assigned to or
 *     claimed by the worker
 * @param closed cases closed (for a grid: found there; for a worker: handled by them)
 * @param closureRate closed ÷ received (grids) or closed ÷ assigned (workers); empty when {@code
 *     received} is 0 (a grid whose every report was refused)
 * @param onTimeRate closed on time ÷ closed; empty when nothing was closed ({@code closed} 0), not
 *     a 0: none closed, none on time or late
 */
public record UnitScore(
    String id,
    String name,
    long received,
    long closed,
    OptionalDouble closureRate,
    OptionalDouble onTimeRate) {}
