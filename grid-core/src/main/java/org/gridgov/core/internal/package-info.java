/**
 * Internal helpers shared by gridgov modules. Not API: anything here may change or disappear in any
 * release.
 */
package org.gridgov.core.internal;
