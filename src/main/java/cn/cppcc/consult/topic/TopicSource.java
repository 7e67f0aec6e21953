package cn.cppcc.consult.topic;

/** Where a topic came from (议题来源). */
public enum TopicSource {
    PARTY_GOVERNMENT("党政点题"),
    MEMBER("委员荐题"),
    PARTICIPATING_UNIT("政协参加单位"),
    OFFLINE("线下征集"),
    ONLINE("网络征题");

    private final String label;

    TopicSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
