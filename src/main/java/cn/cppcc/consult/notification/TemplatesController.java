package cn.cppcc.consult.notification;

import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.cppcc.consult.notification.MessageTemplate.Text;
import cn.cppcc.consult.notification.MessageTemplates.Rendered;
import cn.cppcc.consult.notification.MessageTemplates.TemplateView;

/** {@code /app/notification-templates.html}: administrators reword messages without a release. */
@RestController
public class TemplatesController {

    private final MessageTemplates templates;
    private final NotificationWebSupport web;

    TemplatesController(MessageTemplates templates, NotificationWebSupport web) {
        this.templates = templates;
        this.web = web;
    }

    @GetMapping("/api/notification-templates")
    public List<TemplateView> all() {
        web.requireAdmin();
        return templates.all();
    }

    @PutMapping("/api/notification-templates/{key}")
    public TemplateView save(@PathVariable String key, @RequestBody Text text) {
        String adminId = web.requireAdmin();
        return templates.save(MessageTemplates.template(key), text, adminId);
    }

    @DeleteMapping("/api/notification-templates/{key}")
    public TemplateView reset(@PathVariable String key) {
        web.requireAdmin();
        return templates.reset(MessageTemplates.template(key));
    }

    @PostMapping("/api/notification-templates/{key}/preview")
    public Rendered preview(@PathVariable String key, @RequestBody Text text) {
        web.requireAdmin();
        return templates.preview(MessageTemplates.template(key), text);
    }
}
