/** Step 3: writes Java source (JavaPoet) for the valid model: adapters and the registry. */
package dev.flexfun.processor.emit;
