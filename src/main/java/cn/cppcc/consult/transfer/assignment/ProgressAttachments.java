package cn.cppcc.consult.transfer.assignment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import cn.cppcc.consult.consultation.ConsultationService;
import cn.cppcc.consult.process.EngineClock;

/**
 * Files a department attaches to its progress (photos of the site, documents): uploaded from the
 * results page, kept in the database (every node of a cluster serves them), and part of the next
 * progress report. Limited in size, number and type; always downloaded as an attachment.
 */
@Service
@Transactional
public class ProgressAttachments {

    /** Types departments send, by extension; the stored content type follows from it, never from the browser. */
    static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls", "application/vnd.ms-excel",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "txt", "text/plain");
    static final int MAX_FILES_PER_UNIT = 20;

    private final AssignmentRepository assignments;
    private final AssignmentService assignmentService;
    private final ConsultationService consultations;
    private final TaskService taskService;
    private final DataSize maxSize;

    ProgressAttachments(AssignmentRepository assignments, AssignmentService assignmentService,
            ConsultationService consultations, TaskService taskService,
            @Value("${consult.attachments.max-size:10MB}") DataSize maxSize) {
        this.assignments = assignments;
        this.assignmentService = assignmentService;
        this.consultations = consultations;
        this.taskService = taskService;
        this.maxSize = maxSize;
    }

    /** A refused upload, with the reason the uploader reads. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    public DataSize maxSize() {
        return maxSize;
    }

    public ProgressAttachment upload(long unitId, String originalName, byte[] content, String actor) {
        AssignmentUnit unit = assignments.lockUnit(unitId)
                .orElseThrow(() -> new NoSuchElementException("责任部门不存在：" + unitId));
        if (unit.status() == UnitStatus.DONE) {
            throw new Refused(unit.department() + "已办结，不能再上传附件");
        }
        String name = fileName(originalName);
        String type = TYPES.get(extension(name));
        if (type == null) {
            throw new Refused("不支持的附件类型，请上传 PDF、图片（JPG、PNG）、Word、Excel 或文本文件");
        }
        if (content.length == 0) {
            throw new Refused("附件“" + name + "”是空文件");
        }
        if (content.length > maxSize.toBytes()) {
            throw new Refused("附件不能超过" + maxSize.toMegabytes() + "MB");
        }
        if (assignments.findAttachments(unitId).size() >= MAX_FILES_PER_UNIT) {
            throw new Refused("每个责任部门最多上传" + MAX_FILES_PER_UNIT + "个附件");
        }
        long id = assignments.insertAttachment(unitId, name, type, content, actor, EngineClock.now());
        showPendingOnOpenTask(unit);
        return assignments.findAttachment(id).orElseThrow();
    }

    /** Removes a file uploaded by mistake, as long as no report has included it yet. */
    public void delete(long attachmentId) {
        ProgressAttachment attachment = attachment(attachmentId);
        if (assignments.deletePendingAttachment(attachmentId) == 0) {
            throw new Refused("附件已随进度报告提交，不能删除");
        }
        showPendingOnOpenTask(assignmentService.unit(attachment.unitId()));
    }

    @Transactional(readOnly = true)
    public ProgressAttachment attachment(long id) {
        return assignments.findAttachment(id).orElseThrow(() -> new NoSuchElementException("附件不存在：" + id));
    }

    @Transactional(readOnly = true)
    public byte[] content(long id) {
        return assignments.attachmentContent(id);
    }

    @Transactional(readOnly = true)
    public List<ProgressAttachment> ofUnit(long unitId) {
        return assignments.findAttachments(unitId);
    }

    @Transactional(readOnly = true)
    public List<ProgressAttachment> pending(long unitId) {
        return ofUnit(unitId).stream().filter(a -> a.reportId() == null).toList();
    }

    /** "现场照片.jpg（120KB）" per line: the files that the next report will include. */
    @Transactional(readOnly = true)
    public String pendingSummary(long unitId) {
        return pending(unitId).stream().map(ProgressAttachments::describe).collect(Collectors.joining("\n"));
    }

    public static String describe(ProgressAttachment a) {
        long kb = Math.max(1, (a.sizeBytes() + 1023) / 1024);
        return a.fileName() + "（" + (kb >= 1024 ? String.format(Locale.ROOT, "%.1fMB", kb / 1024.0) : kb + "KB") + "）";
    }

    /** The department's open progress task shows the files waiting for its report. */
    private void showPendingOnOpenTask(AssignmentUnit unit) {
        String number = consultations.get(assignmentService.itemOf(unit).consultationId()).number();
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(AssignmentProcess.TASK_HANDLE).unlimitedList(); // one per department
        for (Task task : open) {
            if (unit.id().equals(taskService.getVariable(task.getId(), AssignmentProcess.UNIT_ID.name()))) {
                taskService.setVariableLocal(task.getId(), "attachmentsSummary", pendingSummary(unit.id()));
            }
        }
    }

    static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        if (name.isEmpty()) {
            throw new Refused("附件须有文件名");
        }
        if (name.codePointCount(0, name.length()) > 200) {
            throw new Refused("附件文件名不能超过200个字");
        }
        return name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
