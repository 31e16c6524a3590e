/** The newsflow command: subcommands that wire the stages to an embedded or external broker. */
package io.newsflow.cli;
