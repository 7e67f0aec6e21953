package cn.cppcc.consult.notification;

/** How a message leaves the platform; the inbox is not a channel, every message is in it. */
public enum Channel {
    EMAIL("电子邮件"),
    SMS("短信");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
