/**
 * Open311 GeoReport v2 export: the service list from the category catalogue, the service requests
 * from the case histories, written as the specification's XML (required) or JSON, and a
 * transport-neutral handler for its GET methods ({@link org.gridgov.open311.Open311#get}) that any
 * HTTP server can call.
 */
package org.gridgov.open311;
