package cn.cppcc.consult.talent;

import java.util.List;

import cn.cppcc.consult.organisation.Place;

/** 委员履职小组: two or three resident members of a township and the villages they liaise with. */
public record MemberGroup(long id, String placeCode, String name, List<Talent> members, List<Place> villages) {
}
