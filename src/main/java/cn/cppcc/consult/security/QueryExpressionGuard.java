package cn.cppcc.consult.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * Query expressions are code the engine evaluates (JUEL), so who may write one may run code. The
 * engine's own switch ({@code enableExpressionsInAdhocQueries=false}) looks only at the top level of
 * an ad-hoc query, not inside its {@code orQueries}; and stored filters may hold any expression.
 * This plugin checks every query before it is evaluated, in the engine's command chain:
 * <ul>
 *   <li>an ad-hoc task query (REST {@code /task}, our code, the part a Tasklist filter request adds)
 *       carries no expression, at the top level or in any {@code orQueries};</li>
 *   <li>a stored filter, when it is saved and when it is run, uses only what Tasklist filters need:
 *       {@code now()}, {@code currentUser()}, {@code currentUserGroups()} and {@code dateTime()} with
 *       Joda date arithmetic ({@code plusDays(2)}, {@code withTimeAtStartOfDay()}, …).</li>
 * </ul>
 * A refused query is answered 400 ({@link BadUserRequestException}) with a Chinese message.
 */
@Component
public class QueryExpressionGuard extends AbstractProcessEnginePlugin {

    static final String ADHOC_REFUSED = "查询条件不允许使用表达式";
    static final String STORED_REFUSED = "过滤器只能使用 now()、dateTime()、currentUser()、currentUserGroups() 表达式：";

    private static final String DATE_STEP = "\\.(withTimeAtStartOfDay|withDayOfWeek|withDayOfMonth|withDayOfYear"
            + "|(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)|toDate)\\(\\s*-?\\d*\\s*\\)";
    static final Pattern ALLOWED = Pattern.compile("\\$\\{\\s*(now\\(\\)|currentUser\\(\\)|currentUserGroups\\(\\)"
            + "|dateTime\\(\\)(" + DATE_STEP + ")*)\\s*}");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(true);
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new Check());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    static final class Check extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof TaskQueryImpl query) {
                refuseAny(query);
            } else if (command instanceof SaveFilterCmd save) {
                Filter filter = field(save, "filter", Filter.class);
                if (filter != null) {
                    allowedOnly(filter.getQuery());
                }
            } else if (command instanceof AbstractExecuteFilterCmd execute) {
                refuseAny(field(execute, "extendingQuery", Query.class));
                String filterId = field(execute, "filterId", String.class);
                Filter filter = filterId == null ? null
                        : Context.getCommandContext().getFilterManager().findFilterById(filterId);
                if (filter != null) {
                    allowedOnly(filter.getQuery());
                }
            }
            return next.execute(command);
        }
    }

    /** No expression at all, also inside {@code orQueries}. */
    static void refuseAny(Query<?, ?> query) {
        for (AbstractQuery<?, ?> q : withOrQueries(query)) {
            if (q.getExpressions() != null && !q.getExpressions().isEmpty()) {
                throw new BadUserRequestException(ADHOC_REFUSED);
            }
        }
    }

    /** Only the harmless functions, also inside {@code orQueries}. */
    static void allowedOnly(Query<?, ?> query) {
        for (AbstractQuery<?, ?> q : withOrQueries(query)) {
            if (q.getExpressions() == null) {
                continue;
            }
            for (Map.Entry<String, String> expression : q.getExpressions().entrySet()) {
                if (expression.getValue() == null || !ALLOWED.matcher(expression.getValue()).matches()) {
                    throw new BadUserRequestException(STORED_REFUSED + expression.getKey());
                }
            }
        }
    }

    private static List<AbstractQuery<?, ?>> withOrQueries(Query<?, ?> query) {
        List<AbstractQuery<?, ?>> all = new ArrayList<>();
        if (query instanceof AbstractQuery<?, ?> q) {
            all.add(q);
        }
        if (query instanceof TaskQueryImpl task && task.getQueries() != null) {
            all.addAll(task.getQueries());
        }
        return all;
    }

    /** A command's field: the commands offer no getters for what they were given. */
    private static <T> T field(Object command, String name, Class<T> type) {
        Field field = ReflectUtil.getField(name, command);
        if (field == null) {
            throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
        }
        try {
            field.setAccessible(true);
            return type.cast(field.get(command));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
