/** Rankings exported as CSV and JSON with Jackson. */
package org.gridgov.scoring.export;
