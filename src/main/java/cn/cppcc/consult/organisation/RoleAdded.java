package cn.cppcc.consult.organisation;

/** Published when a role is set up at a place (its Camunda group created), in the same transaction. */
public record RoleAdded(String groupId, String placeCode, Role role) {
}
