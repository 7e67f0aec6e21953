package cn.cppcc.consult.notification;

/**
 * A channel could not deliver. Transient failures (gateway down, slow, 5xx) are retried with
 * backoff; a permanent one (the gateway refuses the message itself) fails at once.
 */
public class DeliveryException extends RuntimeException {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public static DeliveryException permanentFailure(String message) {
        return new DeliveryException(message, true, null);
    }

    public boolean isPermanent() {
        return permanent;
    }

    /** The delivery failure somewhere in a job's exception, if that is what it was. */
    static DeliveryException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeliveryException delivery) {
                return delivery;
            }
        }
        return null;
    }
}
