package cn.cppcc.consult.consultation;

/** A department's on-site response at the meeting (部门现场回应). */
public record DepartmentResponse(Long id, Long consultationId, String department, String content) {
}
