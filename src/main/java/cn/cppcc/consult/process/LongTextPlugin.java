package cn.cppcc.consult.process;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * String variables longer than the engine's text column (ACT_RU_VARIABLE.TEXT_ and the history
 * tables' TEXT_ are varchar(4000)) are kept in the engine's byte array table instead: minutes and a
 * research report of up to 8,000 characters, and the task views showing them or many opinions. One
 * variable serializer, registered ahead of the engine's own (Camunda's
 * {@code customPreVariableSerializers}), takes only such strings, whoever sets them: a task view or
 * a form Tasklist submits (its values arrive untyped and would become plain String variables). The
 * value stays of type String for the engine, its REST API and Tasklist; only where it is stored
 * differs. The engine's audit copy of a submitted form value fits its column the same way.
 */
@Component
public class LongTextPlugin extends AbstractProcessEnginePlugin {

    /** Characters the engine's text columns hold (varchar(4000) on H2 and PostgreSQL). */
    static final int TEXT_COLUMN = 4000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        @SuppressWarnings("rawtypes")
        List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(new LongStringSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
        configuration.setHistoryEventProducer(new FormPropertyHistory());
    }

    /**
     * At history level full the engine also records each submitted form value as a "form property"
     * (ACT_HI_DETAIL.TEXT_, varchar(4000), no byte array). A longer value is recorded there cut to
     * the column, marked; the whole value is in the variable's own history (byte array) and in the
     * project's tables.
     */
    static final class FormPropertyHistory extends CacheAwareHistoryEventProducer {

        static final String CUT = "…（全文见变量历史）";

        @Override
        public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId,
                String propertyValue, String taskId) {
            return super.createFormPropertyUpdateEvt(execution, propertyId, fitted(propertyValue), taskId);
        }

        static String fitted(String value) {
            if (value == null || value.length() <= TEXT_COLUMN) {
                return value;
            }
            int end = TEXT_COLUMN - CUT.length();
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            return value.substring(0, end) + CUT;
        }
    }

    /** A String too long for the text column, as UTF-8 in the variable's byte array. */
    static final class LongStringSerializer extends PrimitiveValueSerializer<StringValue> {

        static final String NAME = "longString";

        LongStringSerializer() {
            super(ValueType.STRING);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        protected boolean canWriteValue(TypedValue value) {
            return value.getValue() instanceof String text && text.length() > TEXT_COLUMN;
        }

        @Override
        public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
            return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
        }

        @Override
        public void writeValue(StringValue value, ValueFields valueFields) {
            valueFields.setByteArrayValue(value.getValue().getBytes(UTF_8));
        }

        @Override
        public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
            byte[] bytes = valueFields.getByteArrayValue();
            return Variables.stringValue(bytes == null ? null : new String(bytes, UTF_8), asTransientValue);
        }
    }
}
