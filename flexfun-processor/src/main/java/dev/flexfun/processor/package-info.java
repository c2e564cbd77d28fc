/**
 * The FlexFun annotation processor: {@link dev.flexfun.processor.FlexFunProcessor} runs three
 * steps, each in its own package: {@code extract} (elements to model), {@code validate} (compile
 * errors) and {@code emit} (adapters, registry).
 */
package dev.flexfun.processor;
