package cn.cppcc.consult.transfer;

import cn.cppcc.consult.process.ProcessVariable;

/**
 * The four mechanism processes ({@code Assignment}, {@code Escalation}, {@code EffectivenessInquiry},
 * {@code Feedback}): what {@code Consultation.bpmn} passes to each of them.
 */
public final class TransferProcess {

    public static final ProcessVariable<Long> CONSULTATION_ID = ProcessVariable.of("consultationId", Long.class);
    public static final ProcessVariable<Long> RESULT_ITEM_ID = ProcessVariable.of("resultItemId", Long.class);
    public static final ProcessVariable<String> PLACE_CODE = ProcessVariable.of("placeCode", String.class);

    private TransferProcess() {
    }
}
