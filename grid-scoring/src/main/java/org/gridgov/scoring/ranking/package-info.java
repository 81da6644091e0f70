/** Rankings by standard competition ranking with ties ordered by id, and most-improved lists. */
package org.gridgov.scoring.ranking;
