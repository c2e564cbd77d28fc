package dev.flexfun.server;

import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.server.execution.CallExecution;
import dev.flexfun.server.execution.CallOrigin;
import dev.flexfun.server.execution.FunctionCall;
import dev.flexfun.server.execution.ReadyResult;
import dev.flexfun.server.execution.ResultLease;
import dev.flexfun.server.lifecycle.InFlightCalls;
import dev.flexfun.server.lifecycle.Loading;
import dev.flexfun.server.lifecycle.ShuttingDown;
import dev.flexfun.server.protocol.Command;
import dev.flexfun.server.protocol.CommandParser;
import dev.flexfun.server.protocol.FlightErrors;
import dev.flexfun.server.protocol.FlightStatus;
import dev.flexfun.server.protocol.FlightStatusException;
import dev.flexfun.server.protocol.FunctionDescriptor;
import dev.flexfun.server.security.TokenAuthInterceptor;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.PollInfo;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flight methods of the FlexFunction protocol. GetFlightInfo: parse the command, find the
 * function, start the call, answer a FlightInfo whose ticket names the result. DoGet: open the
 * ticket's result and stream it. Every error leaves as a Flight error carrying its ErrorInfo;
 * methods not served (DoPut, DoAction, ListActions, DoExchange, PollFlightInfo) answer plain UNIMPLEMENTED.
 *
 * <p>Every served call holds an {@link InFlightCalls} permit while it runs (DoGet: until its stream
 * is sent), so a graceful shutdown can wait for it; once shutdown has begun, calls get SHUTTING_DOWN.
 * What the call did is told to its {@link CallObserver} for the call log and metrics.
 */
final class FlexFunProducer extends NoOpFlightProducer {
    private static final Logger LOG = LoggerFactory.getLogger(FlexFunProducer.class);

    private final FunctionCatalog catalog;
    private final CommandParser parser;
    private final CallExecution execution;
    private final ResultStreamer streamer;
    private final Supplier<Location> advertised;
    private final InFlightCalls inFlight;
    private final Loading loading;

    FlexFunProducer(FunctionCatalog catalog, CommandParser parser, CallExecution execution, ResultStreamer streamer,
            Supplier<Location> advertised, InFlightCalls inFlight, Loading loading) {
        this.inFlight = inFlight;
        this.loading = loading;
        this.catalog = catalog;
        this.parser = parser;
        this.execution = execution;
        this.streamer = streamer;
        this.advertised = advertised;
    }

    @Override
    public void listFlights(CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
        CallObserver observer = context.getMiddleware(CallObserver.KEY);
        try (Scope trace = observer.traceScope(); InFlightCalls.Permit permit = enter()) {
            for (FlexFunction function : catalog.functions()) {
                FlightDescriptor descriptor = FlightDescriptor.command(
                        FunctionDescriptor.encode(function.name(), function.metadataJson()));
                listener.onNext(new FlightInfo(function.schema(), descriptor, List.of(), -1, -1));
            }
            listener.onCompleted();
        } catch (RuntimeException e) {
            listener.onError(toFlight(e, observer));
        }
    }

    @Override
    public FlightInfo getFlightInfo(CallContext context, FlightDescriptor descriptor) {
        CallObserver observer = context.getMiddleware(CallObserver.KEY);
        // The call's span is current while the task is submitted: the task thread's span is its child.
        try (Scope trace = observer.traceScope(); InFlightCalls.Permit permit = enter()) {
            loading.awaitLoaded();
            CallHeaders headers = context.getMiddleware(CallHeaders.KEY);
            boolean pollable = headers != null && headers.has(CallHeaders.POLLABLE_HEADER);
            Command command = parser.parse(commandOf(descriptor, "GetFlightInfo"), pollable);
            ReadyResult ready;
            if (command instanceof Command.Invoke invoke) {
                observer.function(invoke.functionName());
                // The caller is known on this (gRPC) thread only; the call carries it to the task thread.
                FunctionCall call = new FunctionCall(function(invoke.functionName()), invoke, headersOf(headers),
                        binaryHeadersOf(headers), TokenAuthInterceptor.currentCaller().orElse(null), observer.peer());
                ready = execution.start(call, pollable);
            } else if (command instanceof Command.Retry retry) {
                observer.taskId(retry.taskId());
                ready = execution.retry(retry.taskId());
            } else {
                String taskId = ((Command.Cancel) command).taskId();
                observer.taskId(taskId);
                execution.cancel(taskId);
                throw new FlightStatusException(FlightStatus.CANCELLED, ErrorCode.COMMAND_CANCELLED,
                        "Task with id '" + taskId + "' was cancelled.");
            }
            observer.function(ready.functionName());
            observer.taskId(ready.taskId());
            FlightEndpoint endpoint = new FlightEndpoint(new Ticket(ready.ticket()), advertised.get());
            return new FlightInfo(ready.schema(), FlightDescriptor.command(ready.descriptorBytes()), List.of(endpoint),
                    -1, -1);
        } catch (RuntimeException e) {
            throw toFlight(e, observer);
        }
    }

    @Override
    public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
        CallObserver observer = context.getMiddleware(CallObserver.KEY);
        InFlightCalls.Permit permit = null;
        try (Scope trace = observer.traceScope()) { // the stream's producer thread carries it on
            permit = enter();
            loading.awaitLoaded(); // a deferred ticket runs its function here
            CallHeaders headers = context.getMiddleware(CallHeaders.KEY);
            ResultLease lease = execution.open(ticket.getBytes(), () -> new CallOrigin(headersOf(headers),
                    binaryHeadersOf(headers), TokenAuthInterceptor.currentCaller().orElse(null), observer.peer()));
            observer.function(lease.functionName());
            observer.taskId(lease.taskId());
            streamer.stream(lease, listener, permit, observer); // closes the permit when the stream ends
        } catch (RuntimeException e) {
            if (permit != null) {
                permit.close();
            }
            listener.error(toFlight(e, observer));
        }
    }

    /** Our addition: the schema of a function, for its ListFlights descriptor (or a call's command). */
    @Override
    public SchemaResult getSchema(CallContext context, FlightDescriptor descriptor) {
        CallObserver observer = context.getMiddleware(CallObserver.KEY);
        try (Scope trace = observer.traceScope(); InFlightCalls.Permit permit = enter()) {
            String name = FunctionDescriptor.functionNameOf(commandOf(descriptor, "GetSchema"));
            observer.function(name);
            return new SchemaResult(function(name).schema());
        } catch (RuntimeException e) {
            throw toFlight(e, observer);
        }
    }

    /** Not served: the polling extension is GoodData's own, not Flight's PollFlightInfo. */
    @Override
    public PollInfo pollFlightInfo(CallContext context, FlightDescriptor descriptor) {
        throw CallStatus.UNIMPLEMENTED.withDescription("PollFlightInfo is not served; use GetFlightInfo.")
                .toRuntimeException();
    }

    /** A place among the calls in flight, or SHUTTING_DOWN. */
    private InFlightCalls.Permit enter() {
        return inFlight.tryEnter().orElseThrow(ShuttingDown::error);
    }

    private FlexFunction function(String name) {
        return catalog.find(name).orElseThrow(() -> new BadArgumentException("Function '" + name
                + "' does not exist on this server; ListFlights lists the functions it serves."));
    }

    private static byte[] commandOf(FlightDescriptor descriptor, String method) {
        if (!descriptor.isCommand()) {
            // BAD_ARGUMENT, as the reference answers it: the descriptor is the call's argument.
            throw new BadArgumentException(method + " needs a CMD descriptor; PATH descriptors are not served.");
        }
        return descriptor.getCommand();
    }

    private static Map<String, List<byte[]>> binaryHeadersOf(CallHeaders headers) {
        return headers == null ? Map.of() : headers.binaryForFunctions();
    }

    private static Map<String, List<String>> headersOf(CallHeaders headers) {
        return headers == null ? Map.of() : headers.forFunctions();
    }

    private static FlightRuntimeException toFlight(RuntimeException e, CallObserver observer) {
        if (e instanceof FlightRuntimeException flight) {
            return flight;
        }
        FlexFunException error = e instanceof FlexFunException f ? f : unexpected(e);
        observer.failed(error.codeName());
        return FlightErrors.toFlight(error);
    }

    private static FlexFunException unexpected(RuntimeException e) {
        LOG.error("Unexpected server error", e);
        return new FlexFunException(ErrorCode.INTERNAL_ERROR,
                "Unexpected server error: " + e.getClass().getSimpleName() + "; retry on another server.");
    }
}
