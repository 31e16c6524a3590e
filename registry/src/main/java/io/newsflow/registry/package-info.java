/** Registry mode: newsflow values in the schema registry wire format through Apicurio serdes. */
package io.newsflow.registry;
