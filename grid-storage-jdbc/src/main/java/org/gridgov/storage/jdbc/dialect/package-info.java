/** The databases the JDBC adapter supports, and what differs between them. */
package org.gridgov.storage.jdbc.dialect;
