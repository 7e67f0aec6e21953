package cn.cppcc.consult.config;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A form value the platform refuses reaches the user in Chinese only. The engine REST API wraps the
 * refusal's Chinese message in English ("Cannot submit task form 6d2c…: 不予采纳须填写理由", "Cannot
 * instantiate process definition …: 请填写议题名称"), and Tasklist shows that message as it is. This
 * mapper answers such a refusal — a {@link RestException} caused by a {@link FormFieldValidationException}
 * (see {@link FormValidationPlugin}) — like Camunda's own handler does (same body: type, code), but
 * with status 400 and the refusal's own message, which names the field and what is wrong. Every other
 * error is answered by Camunda's handlers unchanged.
 *
 * <p>Tasklist calls the engine through the webapps' engine API ({@code /camunda/api/engine}), a Jersey
 * application of its own beside {@code /engine-rest}; {@link Registration} puts the mapper into both.
 * It takes precedence over Camunda's {@code RestExceptionHandler} for the same exception type by its
 * {@link Priority}.
 */
@Priority(Priorities.USER - 100)
public class RefusedFormMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
        Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
        if (exception.getCause() instanceof FormFieldValidationException refused
                && response.getEntity() instanceof ExceptionDto body) {
            body.setMessage(refused.getMessage());
            return Response.fromResponse(response).status(Response.Status.BAD_REQUEST).build();
        }
        return response;
    }

    /**
     * Registers the mapper in every Jersey application of the platform, the webapps' engine API
     * included, which offers no other way to add a provider (Jersey's auto-discovery, listed in
     * {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}).
     */
    public static class Registration implements AutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(RefusedFormMapper.class)) {
                context.register(RefusedFormMapper.class);
            }
        }
    }
}
