package org.gridgov.core.incident;

/** Where an incident came from. */
public enum Source {
  /** Found by a grid worker on patrol (巡查). */
  PATROL,
  /** Reported by a resident in person or to the grid worker. */
  RESIDENT,
  /** The 12345 citizens' hotline (接诉即办). */
  HOTLINE_12345,
  /** A video camera or other sensor. */
  CAMERA,
  /** A mobile app, mini-program or WeChat report. */
  APP,
  /** A leader's instruction (领导批示). */
  LEADER_INSTRUCTION
}
