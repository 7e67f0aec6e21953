package cn.cppcc.consult.config;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A form value refused by a task listener reaches the user as what it is. The engine wraps every
 * exception from a task listener ("ENGINE-03051 There was an exception while invoking the
 * TaskListener…"), which the REST API and Tasklist would report as a server error; this interceptor
 * unwraps a {@link FormFieldValidationException} so the REST API answers 400 with its Chinese
 * message. The command has already rolled back: nothing the listener wrote is kept.
 */
@Component
public class FormValidationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new UnwrapValidationErrors());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class UnwrapValidationErrors extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                FormFieldValidationException validation = Failure.find(e, FormFieldValidationException.class);
                throw validation != null ? validation : e;
            }
        }
    }
}
