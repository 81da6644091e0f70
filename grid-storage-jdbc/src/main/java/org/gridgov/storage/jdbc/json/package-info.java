/**
 * JSON codecs for incident events, the directory and policies, with stable type names and schema
 * versions: reusable by any adapter that stores documents as text. Documents written by an older
 * release keep loading after an upgrade.
 */
package org.gridgov.storage.jdbc.json;
