/**
 * The plain model of a compilation's FlexFunctions, extracted from javac's elements. Extraction
 * never rejects anything: what is not supported is recorded as such (e.g. {@link
 * dev.flexfun.processor.model.ValueKind#UNSUPPORTED}) and the validation step reports it.
 */
package dev.flexfun.processor.model;
