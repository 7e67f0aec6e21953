package cn.cppcc.consult.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * What the engine REST API ({@code /engine-rest}) and the webapps' engine API that Tasklist calls
 * ({@code /camunda/api/engine}) answer when a request loses a race, is refused, or finds the database
 * away. Camunda answers all of these 500 with an English message; here they get the status that says
 * what happened and a Chinese message, in Camunda's own body ({@code type}, {@code message}, {@code code}):
 * <ul>
 *   <li>a form value the platform refuses ({@link FormFieldValidationException}, see
 *       {@link FormValidationPlugin}): 400 with the refusal's own message, which names the field;</li>
 *   <li>a task someone else has claimed, or a change that lost to a concurrent one (optimistic
 *       locking): 409 ({@link Failure#CONFLICT});</li>
 *   <li>a task to claim, complete or submit that no longer exists (done by someone else): 404, whatever
 *       the engine said — a request that read the task just before another completed it fails on what
 *       the completion removed (the per-task permission: "not authorized"; the execution moved on:
 *       "ENGINE-02010 … doesn't accept signals"), so the task's presence is checked, not the message;</li>
 *   <li>the database unreachable (connection refused or lost, pool timeout, server restarting): 503
 *       with {@code Retry-After}; the client may try again (a completion that did commit is then answered 404);</li>
 *   <li>a task or process instance of another place: the engine refuses a command on data of a tenant
 *       the user does not belong to (see {@code organisation.PlaceAccess}) with a plain exception
 *       ("ENGINE-03034 … belongs to no authenticated tenant"): 403, as an authorization refusal;</li>
 *   <li>an unpaged list asked for by a logged-in user ({@code queryMaxResultsLimit}): 400 with a
 *       message saying how to page.</li>
 * </ul>
 * Every other error is answered by Camunda's handlers unchanged. The mappers take precedence over
 * Camunda's for the same exception types by their {@link Priority}; {@link Registration} puts them
 * into both Jersey applications.
 */
public final class EngineRestErrors {

    /** A request on one task: {@code task/{id}/claim}, {@code …/complete}, {@code …/submit-form}, … */
    private static final Pattern TASK_ACTION = Pattern.compile("(?:^|/)task/([^/]+)/[a-z-]+/?$");

    /** The engine's message for a command on another tenant's data (CommandLogger 034). */
    static final String OTHER_TENANT = "because it belongs to no authenticated tenant";
    static final String OTHER_PLACE_MESSAGE = "无权办理或查看其他地点的事项";
    /** The engine's message for an unpaged list (QueryMaxResultsLimitUtil). */
    static final String UNBOUNDED = "An unbound number of results is forbidden!";
    public static final String PAGE_MESSAGE = "查询结果须分页：请用 firstResult 和 maxResults 指定（每次至多 2000 条）";

    private EngineRestErrors() {
    }

    static Response answer(Throwable exception, UriInfo uri) {
        Throwable refusal = Failure.find(exception, FormFieldValidationException.class);
        if (refusal != null) {
            return answer(Response.Status.BAD_REQUEST, exception, refusal.getMessage());
        }
        Matcher taskAction = uri == null ? null : TASK_ACTION.matcher(uri.getPath());
        String taskId = taskAction != null && taskAction.find() ? taskAction.group(1) : null;
        Failure failure = Failure.of(exception, taskId != null);
        if (failure == null && taskId != null && taskGone(taskId)) {
            failure = Failure.taskGone(taskId, exception);
        }
        if (failure == null) {
            return refusedOrUnchanged(exception);
        }
        Response response = answer(failure.status(), failure.cause(), failure.message());
        return failure.status() == Failure.UNAVAILABLE
                ? Response.fromResponse(response).header("Retry-After", Failure.RETRY_AFTER_SECONDS).build() : response;
    }

    /**
     * Whether the task no longer exists, looked up past the authorization and tenant checks (a task
     * the user may not see is not gone); false when that cannot be told.
     */
    private static boolean taskGone(String taskId) {
        try {
            ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) EngineUtil.lookupProcessEngine(null)
                    .getProcessEngineConfiguration();
            return engine.getCommandExecutorTxRequired().execute(context -> {
                context.disableAuthorizationCheck();
                context.disableTenantCheck();
                return context.getTaskManager().findTaskById(taskId) == null;
            });
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    private static Response refusedOrUnchanged(Throwable exception) {
        if (UNBOUNDED.equals(exception.getMessage())) {
            return answer(Response.Status.BAD_REQUEST, exception, PAGE_MESSAGE);
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProcessEngineException && cause.getMessage() != null
                    && cause.getMessage().contains(OTHER_TENANT)) {
                Response response = answer(Response.Status.FORBIDDEN, cause, OTHER_PLACE_MESSAGE);
                ((ExceptionDto) response.getEntity()).setType("AuthorizationException");
                return response;
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static Response answer(Response.Status status, Throwable exception, String message) {
        ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(exception);
        body.setMessage(message);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response answer(int status, Throwable exception, String message) {
        return answer(Response.Status.fromStatusCode(status), exception, message);
    }

    /**
     * The mapping of one exception type. Jersey picks a mapper by the type it maps, so each type has
     * its own subclass below, which also carries the precedence over Camunda's mappers.
     */
    abstract static class Mapper<E extends RuntimeException> implements ExceptionMapper<E> {

        @Context UriInfo uri;

        @Override
        public Response toResponse(E exception) {
            return answer(exception, uri);
        }
    }

    @Priority(Priorities.USER - 100)
    public static class RestExceptions extends Mapper<RestException> {
    }

    @Priority(Priorities.USER - 100)
    public static class EngineExceptions extends Mapper<ProcessEngineException> {
    }

    /** The database's failures that reach Jersey outside an engine exception (a transaction that cannot begin). */
    @Priority(Priorities.USER - 100)
    public static class OtherExceptions extends Mapper<RuntimeException> {
    }

    /**
     * Registers the mappers in every Jersey application of the platform, the webapps' engine API
     * included, which offers no other way to add a provider (Jersey's auto-discovery, listed in
     * {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}).
     */
    public static class Registration implements AutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            for (Class<?> mapper : new Class<?>[] {RestExceptions.class, EngineExceptions.class, OtherExceptions.class}) {
                if (!context.getConfiguration().isRegistered(mapper)) {
                    context.register(mapper);
                }
            }
        }
    }
}
