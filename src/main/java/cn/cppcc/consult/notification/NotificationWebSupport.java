package cn.cppcc.consult.notification;

import java.util.Map;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.cppcc.consult.organisation.OrganisationService;
import cn.cppcc.consult.organisation.Role;
import cn.cppcc.consult.security.AccessDenied;
import cn.cppcc.consult.security.StaffContext;

/** Who may use the notification pages, and their errors as the pages read them: {@code {"message": "…"}}. */
@Component
public class NotificationWebSupport {

    private final OrganisationService organisation;

    NotificationWebSupport(OrganisationService organisation) {
        this.organisation = organisation;
    }

    String currentUser() {
        return StaffContext.currentUserId().orElseThrow(() -> new AccessDenied("请先登录"));
    }

    boolean isAdmin() {
        return StaffContext.currentGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }

    /** Administrators only: the templates page. */
    String requireAdmin() {
        String userId = currentUser();
        if (!isAdmin()) {
            throw new AccessDenied("只有系统管理员可以修改消息模板");
        }
        return userId;
    }

    /** Supervisors (督查) and administrators: the delivery failures page. */
    String requireSupervisor() {
        String userId = currentUser();
        if (!isSupervisor(userId)) {
            throw new AccessDenied("只有督查人员和系统管理员可以查看投递失败的消息");
        }
        return userId;
    }

    boolean isSupervisor(String userId) {
        return isAdmin() || organisation.rolesOf(userId).stream().anyMatch(r -> r.role() == Role.SUPERVISOR);
    }
}
