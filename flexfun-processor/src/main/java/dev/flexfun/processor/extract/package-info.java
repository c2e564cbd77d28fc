/** Step 1: turns javac's elements into the plain {@link dev.flexfun.processor.model model}. */
package dev.flexfun.processor.extract;
