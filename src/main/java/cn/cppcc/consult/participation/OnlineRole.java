package cn.cppcc.consult.participation;

import cn.cppcc.consult.consultation.ParticipantCategory;

/**
 * What an online opinion is marked with: a member of the public (群众), or the role the host
 * invited the person in (a CPPCC member or a category of the consultation's participants).
 */
public enum OnlineRole {
    MEMBER(ParticipantCategory.MEMBER),
    DEPARTMENT(ParticipantCategory.DEPARTMENT),
    EXPERT(ParticipantCategory.EXPERT),
    STAKEHOLDER(ParticipantCategory.STAKEHOLDER),
    CITIZEN(ParticipantCategory.CITIZEN),
    OBSERVER(ParticipantCategory.OBSERVER),
    PUBLIC(null);

    private final ParticipantCategory category;

    OnlineRole(ParticipantCategory category) {
        this.category = category;
    }

    public String label() {
        return category == null ? "群众" : category.label();
    }

    public boolean invited() {
        return this != PUBLIC;
    }

    static OnlineRole of(ParticipantCategory category) {
        return valueOf(category.name());
    }
}
