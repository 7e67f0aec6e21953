package cn.cppcc.consult.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: its name and type in one place, so no code reads a bare
 * {@code "variableName"} string or casts what it gets.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
    }

    public T get(VariableScope scope) {
        return find(scope).orElseThrow(() -> new IllegalStateException("流程变量 " + name + " 缺失"));
    }

    public Optional<T> find(VariableScope scope) {
        Object value = scope.getVariable(name);
        return Optional.ofNullable(value).map(type::cast);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }
}
