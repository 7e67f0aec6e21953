package cn.cppcc.consult.organisation;

/** One place in the organisation tree; {@code parentCode} is null only for the root. */
public record Place(String code, String name, PlaceLevel level, String parentCode) {
}
