package cn.cppcc.consult.security;

/** A staff member asked for something their roles and places do not allow; answered 403 with the message. */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
