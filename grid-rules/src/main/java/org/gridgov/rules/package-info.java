/**
 * The rules of grid governance as pure functions: immutable inputs (an incident's state, the
 * directory, workload figures, policy values, {@code now}) in, a decision out. No rule reads a
 * clock, a random source or storage.
 */
package org.gridgov.rules;
