package cn.cppcc.consult.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import cn.cppcc.consult.consultation.Stage;
import cn.cppcc.consult.security.StaffContext;
import cn.cppcc.consult.transfer.assignment.AssignmentService;
import cn.cppcc.consult.transfer.assignment.AssignmentUnit;
import cn.cppcc.consult.transfer.assignment.ProgressAttachment;
import cn.cppcc.consult.transfer.assignment.ProgressAttachments;
import cn.cppcc.consult.results.ResultsQuery.Detail;
import cn.cppcc.consult.results.ResultsQuery.FileView;
import cn.cppcc.consult.results.ResultsQuery.Row;

/**
 * The staff page 协商成果转化跟踪 ({@code /app/results.html}): results of the consultations at the places
 * the staff member sees, with the result timeline; departments attach files to their progress here.
 */
@RestController
public class ResultsController {

    private final ResultsQuery results;
    private final Visibility visibility;
    private final AssignmentService assignments;
    private final ProgressAttachments attachments;

    ResultsController(ResultsQuery results, Visibility visibility, AssignmentService assignments,
            ProgressAttachments attachments) {
        this.results = results;
        this.visibility = visibility;
        this.assignments = assignments;
        this.attachments = attachments;
    }

    @GetMapping("/api/results")
    public List<Row> list(@RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "false") boolean overdue) {
        Stage wanted = null;
        if (stage != null && !stage.isBlank()) {
            wanted = switch (stage) {
                case "TRANSFER" -> Stage.TRANSFER;
                case "CLOSED" -> Stage.CLOSED;
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "阶段只能是转化中或已结项");
            };
        }
        return results.staffList(visibility.placesOfCurrentUser(), wanted, overdue);
    }

    @GetMapping("/api/results/{consultationId}")
    public Detail detail(@PathVariable long consultationId) {
        return results.staffDetail(consultationId, visibility.placesOfCurrentUser());
    }

    @PostMapping("/api/assignment-units/{unitId}/attachments")
    public ResponseEntity<FileView> upload(@PathVariable long unitId, @RequestParam("file") MultipartFile file)
            throws IOException {
        AssignmentUnit unit = assignments.unit(unitId);
        if (!results.mayUpload(unit)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有该事项的责任部门可以上传附件");
        }
        ProgressAttachment saved = attachments.upload(unitId, file.getOriginalFilename(), file.getBytes(),
                StaffContext.currentUserId().orElseThrow());
        return ResponseEntity.status(HttpStatus.CREATED).body(FileView.of(saved));
    }

    @DeleteMapping("/api/assignment-attachments/{id}")
    public Map<String, String> delete(@PathVariable long id) {
        ProgressAttachment attachment = attachments.attachment(id);
        if (!results.mayUpload(assignments.unit(attachment.unitId()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有该事项的责任部门可以删除附件");
        }
        attachments.delete(id);
        return Map.of("message", "已删除");
    }

    /** Always as a download (never shown inline), with its stored type. */
    @GetMapping("/api/assignment-attachments/{id}")
    public ResponseEntity<byte[]> download(@PathVariable long id) {
        ProgressAttachment attachment = attachments.attachment(id);
        if (!results.maySee(assignments.unit(attachment.unitId()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看该附件");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(attachment.contentType()));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(attachment.fileName(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        return new ResponseEntity<>(attachments.content(id), headers, HttpStatus.OK);
    }
}
