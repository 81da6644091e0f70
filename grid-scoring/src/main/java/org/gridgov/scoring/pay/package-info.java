/**
 * Pay in whole fen: graded pay, piece rates, allowances and team pools; every statement reconciles
 * to the fen.
 */
package org.gridgov.scoring.pay;
