/**
 * Step 2: judges the model. Every problem is a compile error on the precise element with a
 * message that says what is wrong and how to fix it.
 */
package dev.flexfun.processor.validate;
