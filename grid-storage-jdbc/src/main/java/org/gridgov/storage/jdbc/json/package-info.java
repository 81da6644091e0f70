/**
 * JSON codecs for incident events, the directory and policies, with stable type names and schema
 * versions: reusable by any adapter that stores documents as text. Documents written by an older
 * release keep loading after an upgrade. A missing argument of any public method is refused as a
 * {@link NullPointerException} whose message is the parameter's name, as the storage SPI refuses
 * one; a document that cannot be read, as a {@link
 * org.gridgov.storage.jdbc.json.JsonFormatException} naming the field, never its value.
 */
package org.gridgov.storage.jdbc.json;
