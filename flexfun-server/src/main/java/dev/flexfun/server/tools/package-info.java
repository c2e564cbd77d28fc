/** Command-line tools around the server, e.g. the GoodData data-source payload. */
package dev.flexfun.server.tools;
