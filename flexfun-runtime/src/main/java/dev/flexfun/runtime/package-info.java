/**
 * The runtime contract that generated code and hand-written functions depend on: functions,
 * results, the call context, errors and the registry SPI. Depends on Arrow vectors and Jackson
 * only (never on Flight or gRPC), so it can become an artifact of its own.
 */
package dev.flexfun.runtime;
