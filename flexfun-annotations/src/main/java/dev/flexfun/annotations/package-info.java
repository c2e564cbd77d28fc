/** The annotations a FlexFunction author writes; this package has no dependencies. */
package dev.flexfun.annotations;
